import { ContextualSaveBar } from '@shopify/polaris';
import { useEffect } from 'react';
import { defineMessages, useMessages } from '../i18n/i18n.js';

const messages = defineMessages({
  en: { unsaved: 'Unsaved changes', save: 'Save', discard: 'Discard', leave: 'You have unsaved changes. Leave this page and lose them?' },
  es: { unsaved: 'Cambios sin guardar', save: 'Guardar', discard: 'Descartar', leave: 'Tienes cambios sin guardar. ¿Salir de esta página y perderlos?' },
  fr: { unsaved: 'Modifications non enregistrées', save: 'Enregistrer', discard: 'Ignorer', leave: 'Vos modifications ne sont pas enregistrées. Quitter cette page et les perdre ?' },
});

/** The leave question of each form that has unsaved changes now, for navigation that is not a link. */
const dirtyForms = new Set<{ question: string }>();

/**
 * For navigation the link guard below cannot see (a tab's button calling the router): true when
 * nothing is unsaved or the merchant agrees to lose it.
 */
export function confirmLeavingUnsaved(): boolean {
  const [form] = dirtyForms;
  return form === undefined || window.confirm(form.question);
}

/**
 * While a form has unsaved changes, leaving asks first: closing or reloading the tab (the
 * browser's own prompt), following any in-app link (a confirm dialog; declining stays put), and
 * any navigation that asks `confirmLeavingUnsaved` first.
 */
export function useUnsavedChangesGuard(dirty: boolean): void {
  const t = useMessages(messages);
  useEffect(() => {
    if (!dirty) return;
    const form = { question: t.leave };
    dirtyForms.add(form);
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    // Capture phase: before the router's own click handler moves to the link's page.
    const linkClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link || link.getAttribute('target') === '_blank') return;
      if (!window.confirm(t.leave)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', linkClick, true);
    return () => {
      dirtyForms.delete(form);
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', linkClick, true);
    };
  }, [dirty, t.leave]);
}

/**
 * Polaris's save bar over the page while a form is dirty, and the guard above. One per form page:
 * `onSave` submits, `onDiscard` puts the form back as it was loaded.
 */
export function FormSaveBar({ dirty, saving, onSave, onDiscard }: { dirty: boolean; saving: boolean; onSave: () => void; onDiscard: () => void }) {
  const t = useMessages(messages);
  useUnsavedChangesGuard(dirty);
  if (!dirty) return null;
  return <ContextualSaveBar message={t.unsaved} saveAction={{ content: t.save, onAction: onSave, loading: saving }} discardAction={{ content: t.discard, onAction: onDiscard }} />;
}
