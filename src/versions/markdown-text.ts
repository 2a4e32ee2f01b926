// Text from a plan in a Markdown comment (the pull-request diff): it must read as the plan wrote it and
// do nothing else — no @mention that notifies someone, no #123 that links an issue, no link, image,
// autolinked address or HTML, no emphasis or table break. Markdown syntax is backslash-escaped, HTML is
// written as entities, and a zero-width space (&#8203;) breaks what GitHub would link or notify.
const ZWSP = '&#8203;';

/** Plain text for a Markdown paragraph, list item or table cell. */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZWSP}.`)
    .replace(/\r?\n/g, '<br>');
}

/** Text as inline code, safe inside a table cell: nothing in a code span links, notifies or renders. */
export function mdCode(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ').replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ')}\``;
}
