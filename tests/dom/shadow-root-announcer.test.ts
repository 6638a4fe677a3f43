import { afterEach, describe, expect, it } from 'vitest';
import { announceAttachedShadowRoots, SHADOW_ROOT_ATTACHED } from '@/page/signals/shadow-root-announcer';

// The announcer goes on a prototype of the test's own, so no other test sees a changed `attachShadow`.
class AnnouncingHost extends HTMLElement {}
customElements.define('announcing-host', AnnouncingHost);
announceAttachedShadowRoots(AnnouncingHost.prototype);

const heard: EventTarget[] = [];
document.addEventListener(SHADOW_ROOT_ATTACHED, (event) => heard.push(event.target as EventTarget));
const afterMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.innerHTML = '';
  heard.length = 0;
});

describe('announceAttachedShadowRoots', () => {
  it('announces an open shadow root given to an element on the page, and returns the root', async () => {
    const host = document.body.appendChild(document.createElement('announcing-host'));
    const root = host.attachShadow({ mode: 'open' });
    expect(root).toBe(host.shadowRoot);
    expect(heard).toEqual([]);
    await afterMicrotasks();
    expect(heard).toEqual([host]);
  });

  it.each([
    ['a closed root', true, 'closed'],
    ['an element not on the page', false, 'open'],
  ] as const)('says nothing of %s', async (_name, connected, mode) => {
    const host = document.createElement('announcing-host');
    if (connected) document.body.append(host);
    host.attachShadow({ mode });
    await afterMicrotasks();
    expect(heard).toEqual([]);
  });

  it('names the outermost host, out of the shadow trees it is in', async () => {
    const outer = document.body.appendChild(document.createElement('announcing-host'));
    const inner = outer.attachShadow({ mode: 'open' }).appendChild(document.createElement('announcing-host'));
    await afterMicrotasks();
    heard.length = 0;
    inner.attachShadow({ mode: 'open' });
    await afterMicrotasks();
    expect(heard).toEqual([outer]);
  });

  it('lets the browser’s errors reach the page as before, announcing nothing', async () => {
    const host = document.body.appendChild(document.createElement('announcing-host'));
    host.attachShadow({ mode: 'open' });
    await afterMicrotasks();
    heard.length = 0;
    expect(() => host.attachShadow({ mode: 'open' })).toThrow();
    await afterMicrotasks();
    expect(heard).toEqual([]);
  });

  it('keeps working when the page replaces the built-ins it uses afterwards', async () => {
    const host = document.body.appendChild(document.createElement('announcing-host'));
    const saved = { Event: globalThis.Event, queueMicrotask: globalThis.queueMicrotask, apply: Reflect.apply };
    const trap = () => {
      throw new Error('trap');
    };
    Object.assign(globalThis, { Event: trap, queueMicrotask: trap });
    Reflect.apply = trap;
    try {
      expect(host.attachShadow({ mode: 'open' })).toBe(host.shadowRoot);
    } finally {
      Object.assign(globalThis, { Event: saved.Event, queueMicrotask: saved.queueMicrotask });
      Reflect.apply = saved.apply;
    }
    await afterMicrotasks();
    expect(heard).toEqual([host]);
  });

  it('leaves a prototype without attachShadow alone', () => {
    const bare = {} as Element;
    announceAttachedShadowRoots(bare);
    expect(bare).toEqual({});
  });
});
