import { defineMessages } from '../../i18n/i18n.js';

export const programMessages = defineMessages({
  en: { title: 'Program', earning: 'Earning', rewards: 'Rewards', tiers: 'VIP tiers', referrals: 'Referrals', segments: 'Segments' },
  es: { title: 'Programa', earning: 'Acumulación', rewards: 'Recompensas', tiers: 'Niveles VIP', referrals: 'Referidos', segments: 'Segmentos' },
  fr: { title: 'Programme', earning: 'Gains', rewards: 'Récompenses', tiers: 'Niveaux VIP', referrals: 'Parrainage', segments: 'Segments' },
});
