import type { ReactNode } from 'react';
import { TextField } from './TextField';

export interface SearchToolbarProps {
  /** The search box's label, e.g. "Search". */
  label: string;
  placeholder?: string;
  value: string;
  /** Called on every keystroke with what the box holds. */
  onSearch: (value: string) => void;
  /** Filters beside the search box (selects and the like). */
  children?: ReactNode;
}

/** The search landmark above a list: a search box that takes the free space, then the filters. */
export function SearchToolbar({ label, placeholder, value, onSearch, children }: SearchToolbarProps) {
  return (
    <div className="ui-toolbar" role="search">
      <TextField
        className="ui-toolbar__grow"
        type="search"
        label={label}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onSearch(event.target.value)}
      />
      {children}
    </div>
  );
}
