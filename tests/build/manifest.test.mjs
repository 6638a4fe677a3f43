// The built manifests ask only for what the code uses, carry the package's version, lock extension
// pages down with a strict CSP, and give Firefox what it needs to sign and describe the add-on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BUILDS, PACKAGE, ROOT, readManifest, sourceFiles } from './build-output.mjs';

/**
 * How the code uses each permission it may ask for: a permission is asked for exactly when a source
 * file uses it. A permission with no entry here fails the test until someone says how it is used.
 */
const PERMISSION_USES = {
  storage: /\bbrowser\.storage\b|from 'wxt\/utils\/storage'/u,
  contextMenus: /\bbrowser\.contextMenus\b/u,
  menus: /\bbrowser\.menus\b/u,
  alarms: /\bbrowser\.alarms\b/u,
  scripting: /\bbrowser\.scripting\b/u,
  notifications: /\bbrowser\.notifications\b/u,
};

/**
 * Never asked for: the extension reads no tab URLs or titles (the popup asks the tab's own content
 * script), touches no other site data, and runs its content script through `content_scripts`.
 */
const NEVER = ['tabs', '<all_urls>', 'webRequest', 'webRequestBlocking', 'cookies', 'history', 'debugger'];

const sources = sourceFiles();
const usedBy = (pattern) => sources.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

for (const [browser, dir] of Object.entries(BUILDS)) {
  const manifest = readManifest(dir);

  test(`${browser}: Manifest V3 with the package's version`, () => {
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.version, PACKAGE.version);
    assert.ok(manifest.name && manifest.description, 'a name and a description');
  });

  test(`${browser}: an icon for the toolbar and the extensions page, at every size browsers ask for`, () => {
    assert.deepEqual(Object.keys(manifest.icons ?? {}).sort(), ['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(manifest.icons)) {
      const png = readFileSync(path.join(dir, file));
      // A PNG's width and height are the two big-endian words after its 16-byte signature and header tag.
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(size), Number(size)], file);
    }
  });

  test(`${browser}: every permission asked for is used, and every used one is asked for`, () => {
    for (const permission of manifest.permissions ?? []) {
      assert.ok(
        Object.hasOwn(PERMISSION_USES, permission),
        `"${permission}" is asked for but PERMISSION_USES does not say how the code uses it`,
      );
      assert.ok(
        usedBy(PERMISSION_USES[permission]).length > 0,
        `"${permission}" is asked for but no source file uses it`,
      );
    }
    for (const [permission, pattern] of Object.entries(PERMISSION_USES)) {
      const users = usedBy(pattern);
      if (users.length > 0) {
        assert.ok(manifest.permissions?.includes(permission), `${users.join(', ')} use(s) "${permission}"`);
      }
    }
    for (const permission of NEVER) {
      assert.equal(manifest.permissions?.includes(permission) ?? false, false, `asks for "${permission}"`);
    }
    assert.deepEqual(manifest.optional_permissions ?? [], [], 'no optional permissions');
  });

  test(`${browser}: no host access beyond the content script's web pages`, () => {
    assert.deepEqual(manifest.host_permissions ?? [], []);
    assert.deepEqual(manifest.optional_host_permissions ?? [], []);
    for (const script of manifest.content_scripts ?? []) {
      for (const pattern of script.matches) {
        assert.ok(['http://*/*', 'https://*/*'].includes(pattern), `content script matches ${pattern}`);
      }
    }
    // Nothing of the extension is reachable from web pages or other extensions but the engine, its
    // page-world script and the card script, which the content script loads (as its page would) on the
    // pages it runs on; in Chromium only under a per-session URL (tests/build/content-script-bundle.test.mjs
    // checks what they hold).
    assert.deepEqual(manifest.web_accessible_resources, [
      {
        resources: ['explainer-engine.js', 'mhx-page-signals.js', 'term-card.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ]);
    assert.equal(manifest.externally_connectable, undefined);
    assert.equal(manifest.update_url, undefined, 'updates come from the store, not a URL of ours');
  });

  test(`${browser}: extension pages run only the extension's own code and connect nowhere`, () => {
    const policy = manifest.content_security_policy?.extension_pages;
    assert.equal(typeof policy, 'string', 'an explicit extension_pages CSP');
    const directives = new Map(
      policy
        .split(';')
        .map((part) => part.trim().split(/\s+/u))
        .filter(([name]) => name)
        .map(([name, ...values]) => [name, values]),
    );
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.deepEqual(directives.get('connect-src'), ["'none'"]);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    for (const [name, values] of directives) {
      for (const value of values) {
        assert.ok(["'self'", "'none'"].includes(value), `${name} allows ${value}`);
      }
    }
    assert.equal(manifest.content_security_policy.sandbox, undefined);
    assert.equal(manifest.sandbox, undefined);
  });
}

test('firefox: an add-on id, the oldest supported release, and no data collected', () => {
  const gecko = readManifest(BUILDS.firefox).browser_specific_settings?.gecko;
  assert.match(gecko?.id ?? '', /^[\w.-]+@[\w.-]+$/u);
  assert.equal(gecko.strict_min_version, '140.0');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
});

test('chrome: no Firefox-only keys', () => {
  assert.equal(readManifest(BUILDS.chrome).browser_specific_settings, undefined);
});

test('PERMISSION_USES recognises how the code uses storage', () => {
  // Guards the table itself: were its patterns to stop matching, every permission would look unused.
  assert.ok(usedBy(PERMISSION_USES.storage).length > 0);
});

test('CHANGELOG.md has an entry for the package version', () => {
  const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  const versions = [...changelog.matchAll(/^## \[([^\]]+)\]/gmu)].map(([, version]) => version);
  assert.ok(
    versions.includes(PACKAGE.version),
    `no "## [${PACKAGE.version}]" in CHANGELOG.md (found ${versions.join(', ')})`,
  );
});
