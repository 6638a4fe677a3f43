import { type HelpLineData, parseHelpLineData } from './help-line-schema';
import data from './help-lines.json';

/*
 * The help lines cards and the popup point to, and the international directory for everyone else.
 * Editors change help-lines.json (docs/editors.md); this module checks it against the
 * schema. The build runs this module once and bundles its result (wxt.config.ts), so a file that
 * fails its schema fails the build, and no page ever carries the schema or meets a bad file.
 */
export const helpLineData: HelpLineData = parseHelpLineData(data, 'content/help-lines.json');
