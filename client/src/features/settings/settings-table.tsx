import type { ReactNode } from 'react';

export interface SettingsColumn<T> {
  heading: string;
  cell: (row: T) => ReactNode;
}

export interface SettingsTableProps<T extends { id: string }> {
  /** Read by screen readers only; the section heading already names the list on screen. */
  caption: string;
  /** The first column names the row, so its cells are row headers. */
  columns: readonly [SettingsColumn<T>, ...SettingsColumn<T>[]];
  actionsHeading: string;
  rows: readonly T[];
  /** The buttons of one row; give each a per-row aria-label, since their text repeats on every row. */
  actions: (row: T) => ReactNode;
}

/** The list frame every settings section shares: one row per record and its actions last. */
export function SettingsTable<T extends { id: string }>({ caption, columns, actionsHeading, rows, actions }: SettingsTableProps<T>) {
  const [header, ...rest] = columns;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.heading} scope="col">
                {column.heading}
              </th>
            ))}
            <th scope="col">{actionsHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{header.cell(row)}</th>
              {rest.map((column) => (
                <td key={column.heading}>{column.cell(row)}</td>
              ))}
              <td>
                <div className="table__actions">{actions(row)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
