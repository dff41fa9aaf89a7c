import { defineMessages } from '../../i18n/i18n.js';

/** The page's frame and what every section's list shares. */
export const operationsMessages = defineMessages({
  en: {
    title: 'Operations',
    deadLetters: 'Dead letters',
    gdpr: 'GDPR requests',
    webhooks: 'Webhooks',
    apiKeys: 'API keys',
    audit: 'Audit trail',
    pagination: 'Pages',
    anyStatus: 'Any status',
    status: 'Status',
    loadFailed: 'This list could not be loaded.',
    loading: 'Loading…',
  },
  es: {
    title: 'Operaciones',
    deadLetters: 'Eventos fallidos',
    gdpr: 'Solicitudes RGPD',
    webhooks: 'Webhooks',
    apiKeys: 'Claves de API',
    audit: 'Registro de auditoría',
    pagination: 'Páginas',
    anyStatus: 'Cualquier estado',
    status: 'Estado',
    loadFailed: 'No se pudo cargar esta lista.',
    loading: 'Cargando…',
  },
  fr: {
    title: 'Opérations',
    deadLetters: 'Événements en échec',
    gdpr: 'Demandes RGPD',
    webhooks: 'Webhooks',
    apiKeys: 'Clés d’API',
    audit: 'Journal d’audit',
    pagination: 'Pages',
    anyStatus: 'Tous les statuts',
    status: 'Statut',
    loadFailed: 'Impossible de charger cette liste.',
    loading: 'Chargement…',
  },
});
