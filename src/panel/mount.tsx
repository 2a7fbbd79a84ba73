/**
 * Puts the panel on the page inside a closed shadow root, so page scripts cannot read what it shows
 * and page styles cannot reach it. Returns a teardown that leaves nothing behind.
 */
import { render } from 'preact';
import type { PageDescription } from '../messaging/protocol';
import { Panel } from './Panel';
import css from './panel.css?inline';

export function mountPanel(description: PageDescription): () => void {
  const host = document.createElement('be-civic-panel');
  host.style.setProperty('all', 'initial', 'important');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.documentElement.append(host);
  render(<Panel description={description} />, container);
  return () => {
    render(null, container);
    host.remove();
  };
}
