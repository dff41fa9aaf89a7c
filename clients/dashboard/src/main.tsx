import '@shopify/polaris/build/esm/styles.css';
import { createRoot } from 'react-dom/client';
import { Root } from './root.js';
import { openSession } from './session/session.js';

const container = document.getElementById('root')!;

openSession().then(
  (session) => createRoot(container).render(<Root session={session} />),
  (error: Error) => {
    // No Polaris yet: this is the one screen shown before the app can load at all.
    container.textContent = error.message;
    container.setAttribute('role', 'alert');
  },
);
