import { slug } from 'github-slugger';

/** A section's id is the slug of its heading: stable while the heading is, and readable in a URL. */
export function sectionId(heading: string): string {
  return slug(heading);
}

/** Where the reader opens a part or section: `part-1/beyond-daily-medication`, or `part-2` for a whole part. */
export function sectionAnchor(partId: string, heading?: string): string {
  return heading === undefined ? partId : `${partId}/${sectionId(heading)}`;
}

/** Where the reader shows "About this content" (reader.html#about): no part's id. */
export const ABOUT_ANCHOR = 'about';
