import type { EmbedSettings } from '../shared/embed-settings.js';
import type { SessionClient } from '../shared/session.client.js';
import type { Strings } from '../shared/strings.js';

/** What the launcher hands the panel's `mount` (two bundles: this is their only contract). */
export interface MountOptions {
  sessions: SessionClient;
  strings: Strings;
  settings: EmbedSettings;
  /** The launcher button: focus returns to it when the panel closes. */
  launcher: HTMLButtonElement;
  /** The referral landing page's element (`#loyalnest-referral`), when the page is one. */
  referral: HTMLElement | null;
  /** Called with each new balance, so the launcher's button stays in step. */
  onBalance(balance: number): void;
  /** Called when the panel closes itself (close button, Escape). */
  onClose(): void;
}

export interface PanelHandle {
  open(): void;
  close(): void;
}
