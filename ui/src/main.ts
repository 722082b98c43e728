import { mount } from 'svelte';

// End-to-end tests read this to check that no view raised an error.
declare global {
  interface Window {
    __resonanceErrors?: string[];
  }
}
window.__resonanceErrors = [];
// Not an error of the app: the browser says a resize it observed (each chart is drawn at its
// width) changed the layout again within the same frame, and delivers the rest on the next frame
// (HTML spec, "report the exception" of ResizeObserver). Every other error is kept.
const RESIZE_LOOP = /^ResizeObserver loop (completed with undelivered notifications|limit exceeded)/;
window.addEventListener('error', (e) => {
  if (!RESIZE_LOOP.test(String(e.message))) window.__resonanceErrors?.push(String(e.message));
});
window.addEventListener('unhandledrejection', (e) => window.__resonanceErrors?.push(String(e.reason)));
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(App, { target });
