import { mount } from 'svelte';

// End-to-end tests read this to check that no view raised an error.
declare global {
  interface Window {
    __resonanceErrors?: string[];
  }
}
window.__resonanceErrors = [];
window.addEventListener('error', (e) => window.__resonanceErrors?.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__resonanceErrors?.push(String(e.reason)));
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(App, { target });
