/**
 * The portal pages the demo visits: real hostnames and paths, so the extension recognises them exactly
 * as it would for a user, served from demo copies in demo/pages/ that say plainly they are copies.
 * `page` is the catalog page the panel must recognise there; the demo fails loudly if it does not.
 */
export interface Stop {
  /** Short name for logs and screenshot files. */
  name: string;
  url: string;
  /** The catalog portal page the extension should recognise at `url`. */
  page: string;
  /** The demo copy, under demo/pages/. */
  file: string;
  /**
   * 'on-demand': a commune's own site (booking, e-guichet), which the extension may only read once the user allows it
   * for their commune in the dashboard. Chromium asks that in a prompt of its own that no automation
   * can answer, so a headless run shows the page without the panel and says why.
   */
  access?: 'on-demand';
}

export const STOPS: Stop[] = [
  { name: 'my-belgium', url: 'https://my.belgium.be/fr', page: 'my-belgium-home', file: 'my-belgium.html' },
  { name: 'csam-login', url: 'https://idp.iamfas.belgium.be/fas/XUI/', page: 'csam-login', file: 'csam-login.html' },
  {
    name: 'irisbox',
    url: 'https://irisbox.irisnet.be/irisbox/demo-form/landing',
    page: 'irisbox-form-landing',
    file: 'irisbox.html',
  },
  {
    name: 'imio-eguichet',
    url: 'https://lalouviere.guichet-citoyen.be/demarches/description-certificat-residence/',
    page: 'imio-procedure-description',
    file: 'imio-eguichet.html',
    access: 'on-demand',
  },
  {
    name: 'consulate-booking',
    url: 'https://appointment.diplomatie.be/Home/Index/00000000-0000-0000-0000-000000000000',
    page: 'fps-e-appointment-booking',
    file: 'fps-e-appointment.html',
    access: 'on-demand',
  },
];
