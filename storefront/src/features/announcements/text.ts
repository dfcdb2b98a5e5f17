/** The paragraphs the API will make of a text (plugins/announcements/text.py), for the preview. */
export function formParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.replace(/[ \t]+$/gm, '').trim())
    .filter(Boolean);
}
