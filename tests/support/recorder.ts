/**
 * An observer of everything the browser's targets do on the network, independent of the harness's
 * routing: a browser-level DevTools session discovers every target (the background service worker,
 * extension pages, portal tabs with their content scripts, out-of-process frames, workers), attaches
 * to each and enables its Network and Runtime domains. It sees what routing cannot intercept
 * (WebSockets, requests of targets Playwright does not manage) and the uncaught exceptions of the
 * background. Playwright's own context-level `request` events are recorded alongside, as a second
 * witness.
 *
 * Targets are attached in the non-flat mode (messages wrapped in Target.sendMessageToTarget), because
 * a Playwright CDP session only speaks on its own session. Inside each target, auto-attach (paused at
 * start until Network is on) reaches the dedicated workers and frames it starts.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Session } from './harness';

export interface Seen {
  /** Who made it: `service_worker chrome-extension://…/background.js`, `page https://my.belgium.be/fr`… */
  target: string;
  url: string;
  /** Document, Script, Fetch, XHR, Image, Font, WebSocket… (CDP), or Playwright's resource type. */
  type: string;
  witness: 'cdp' | 'playwright';
  /** CDP's initiator type: `script` when code asked for it, `parser` for markup, `other` for the browser itself. */
  initiator?: string;
}

export interface Recorder {
  requests: Seen[];
  /** Uncaught exceptions and crashes, per target. */
  errors: string[];
  /** Targets seen so far (type and URL), to prove every kind of context was watched. */
  targets(): string[];
  stop(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

const WATCHED = new Set(['page', 'service_worker', 'background_page', 'iframe', 'worker', 'shared_worker', 'other']);

export async function record(session: Session): Promise<Recorder> {
  const browser = session.context.browser();
  if (!browser) throw new Error('the recorder needs the browser behind the persistent context');
  const cdp = await browser.newBrowserCDPSession();
  const requests: Seen[] = [];
  const errors: string[] = [];
  /** Every attached target by its session path (nested sessions for workers and frames inside a target). */
  const infos = new Map<string, TargetInfo>();
  const attached = new Set<string>();
  let nextId = 1;
  const label = (path: string) => {
    const info = infos.get(path);
    return info ? `${info.type} ${info.url}` : path;
  };

  /** Sends a command to a target attached at `path`, wrapping it once per nesting level. */
  const sendTo = (path: string[], method: string, params: object = {}) => {
    let message = JSON.stringify({ id: nextId++, method, params });
    for (let i = path.length - 1; i > 0; i--) message = JSON.stringify({ id: nextId++, method: 'Target.sendMessageToTarget', params: { sessionId: path[i], message } });
    return cdp.send('Target.sendMessageToTarget', { sessionId: path[0]!, message }).catch(() => undefined);
  };

  /** Watches one attached target, and has it attach us to the workers and frames it starts. */
  const watch = async (path: string[], info: TargetInfo) => {
    infos.set(path.join('/'), info);
    await Promise.all([
      sendTo(path, 'Network.enable'),
      sendTo(path, 'Runtime.enable'),
      sendTo(path, 'Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false }),
    ]);
    await sendTo(path, 'Runtime.runIfWaitingForDebugger');
  };

  const attach = async (info: TargetInfo) => {
    if (!WATCHED.has(info.type) || attached.has(info.targetId)) return;
    attached.add(info.targetId);
    try {
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false })) as { sessionId: string };
      await watch([sessionId], info);
    } catch {
      // The target closed before we could attach: it made no request we could have seen.
    }
  };

  const handle = (path: string[], message: { method?: string; params?: Record<string, any> }) => {
    const key = path.join('/');
    const params = message.params ?? {};
    switch (message.method) {
      case 'Target.receivedMessageFromTarget':
        handle([...path, params.sessionId], JSON.parse(params.message));
        break;
      case 'Target.attachedToTarget':
        void watch([...path, params.sessionId], params.targetInfo);
        break;
      case 'Network.requestWillBeSent':
        requests.push({ target: label(key), url: params.request.url, type: params.type ?? 'Other', witness: 'cdp', initiator: params.initiator?.type });
        break;
      case 'Network.webSocketCreated':
        requests.push({ target: label(key), url: params.url, type: 'WebSocket', witness: 'cdp' });
        break;
      case 'Runtime.exceptionThrown':
        errors.push(`${label(key)}: ${params.exceptionDetails?.exception?.description ?? params.exceptionDetails?.text}`);
        break;
      case 'Inspector.targetCrashed':
        errors.push(`${label(key)} crashed`);
        break;
    }
  };

  const onCreated = (event: { targetInfo: TargetInfo }) => void attach(event.targetInfo);
  const onChanged = (event: { targetInfo: TargetInfo }) => {
    for (const [key, info] of infos) if (info.targetId === event.targetInfo.targetId) infos.set(key, event.targetInfo);
  };
  const onCrashed = (event: { targetId: string; status: string }) => errors.push(`${event.targetId} crashed: ${event.status}`);
  const onMessage = (event: { sessionId: string; message: string }) => handle([event.sessionId], JSON.parse(event.message));
  cdp.on('Target.targetCreated', onCreated);
  cdp.on('Target.targetInfoChanged', onChanged);
  cdp.on('Target.targetCrashed', onCrashed);
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  await Promise.all(targetInfos.map(attach));

  const onRequest = (request: { url(): string; resourceType(): string; frame(): { page(): Page } | null; serviceWorker(): { url(): string } | null }) => {
    let target = 'unknown';
    try {
      target = request.serviceWorker() ? `service_worker ${request.serviceWorker()!.url()}` : `page ${request.frame()?.page().url() ?? ''}`;
    } catch {
      // Requests of service workers have no frame; already handled above.
    }
    requests.push({ target, url: request.url(), type: request.resourceType(), witness: 'playwright' });
  };
  session.context.on('request', onRequest);

  return {
    requests,
    errors,
    targets: () => [...infos.keys()].map(label),
    async stop() {
      session.context.off('request', onRequest);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** A DevTools session on a page, for running code in its content script's isolated world. */
export async function contentScriptWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; evaluate<T>(expression: string): Promise<T> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  if (!world) throw new Error(`no content-script world of ${extensionId} in ${page.url()}`);
  return {
    cdp,
    async evaluate<T>(expression: string) {
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true })) as {
        result: { value: T };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      };
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    },
  };
}
