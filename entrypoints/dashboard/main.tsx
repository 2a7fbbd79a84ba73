/**
 * The dossier dashboard page: several dossiers side by side, the set-up questions, each dossier's
 * checklist, fees, appointments, history and the PDF summary, and the settings. The components live in
 * src/dashboard/; this file only mounts them with the bundled catalog.
 */
import { render } from 'preact';
import catalog from '../../src/catalog/bundled';
import { pickLang } from '../../src/i18n';
import { App } from '../../src/dashboard/App';
import '../../src/dashboard/dashboard.css';

document.documentElement.lang = pickLang(navigator.languages);
render(<App catalog={catalog} />, document.getElementById('app')!);
