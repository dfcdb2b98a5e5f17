export { actionsColumn, type RowAction } from './actionsColumn';
export { Alert } from './Alert';
export { Badge } from './Badge';
export { Button, type ButtonProps } from './Button';
export { Checkbox } from './Checkbox';
export { DataTable, type DataTableProps } from './DataTable';
export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { Pagination, type PaginationProps } from './Pagination';
export { SearchToolbar, type SearchToolbarProps } from './SearchToolbar';
export { SegmentedControl, type Segment } from './SegmentedControl';
export { SelectField, type SelectOption } from './SelectField';
export { Skeleton, Spinner } from './Spinner';
export { TextField, type TextFieldProps } from './TextField';
export { Dialog } from './Dialog';
export { TextArea } from './TextArea';
// PagedList and ProblemAlerts are imported from their own files, not from here: through this
// index the bundler put them into the shared `ui` chunk, which every first screen loads
// (0.7 KB more on each), although only the organization screens and forms use them.
