/**
 * Plain-text tables for a console: columns padded to their widest cell, numbers right-aligned.
 * Width is counted in UTF-16 code units, which is right for the Latin, Cyrillic, ₽ and
 * no-break-space characters the CLI prints (no wide or combining characters).
 */
export type Column = { readonly title: string; readonly align?: 'left' | 'right' };

export function textTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columns.map((column, i) =>
    Math.max(column.title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.title)), ...rows.map(line)].join('\n');
}
