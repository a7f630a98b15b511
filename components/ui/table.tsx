// Tables in shadcn/ui's pattern: thin wrappers around the native elements carrying the app's table styles, and
// DataTable, which renders rows from column definitions. No hooks and no context, so server components use them too:
// a cell takes its padding from CSS variables its <table> sets (the density), and needs no class to fit its table.
// lib/cn does not merge classes: where a default must give way, the caller marks its class important (`font-normal!`).
import type { ComponentProps, Key, ReactNode } from "react";
import { cn } from "@/lib/cn";

export type TableSize = "sm" | "xs";
export type TableDensity = "default" | "compact" | "dense";
/** "list": small muted headings, a rule above each row. "ledger": body-size bold headings, a rule under each row. */
export type TableVariant = "list" | "ledger";

const sizes: Record<TableSize, string> = { sm: "text-sm", xs: "text-xs" };

const densities: Record<TableDensity, string> = {
  default: "[--cell-x:--spacing(4)] [--cell-y:--spacing(2)]",
  compact: "[--cell-x:--spacing(3)] [--cell-y:--spacing(1.5)]",
  dense: "[--cell-x:--spacing(2)] [--cell-y:--spacing(1)]",
};

const headerVariants: Record<TableVariant, string> = {
  list: "text-xs text-muted-foreground",
  ledger: "[&_th]:font-bold [&>tr]:border-b [&>tr]:border-border",
};

const bodyVariants: Record<TableVariant, string> = {
  list: "[&>tr]:border-t [&>tr]:border-border",
  ledger: "[&>tr]:border-b [&>tr]:border-border/50",
};

// The last cell of a row ends flush with the table.
/** Block padding and the gap to the next cell (none after the last): `.cell` in app/globals.css. */
const cellPadding = "cell";

export function Table({
  size = "sm",
  density = "default",
  className,
  ...props
}: ComponentProps<"table"> & { size?: TableSize; density?: TableDensity }) {
  return <table className={cn("w-full text-left", sizes[size], densities[density], className)} {...props} />;
}

export function TableHeader({ variant = "list", className, ...props }: ComponentProps<"thead"> & { variant?: TableVariant }) {
  return <thead className={cn(headerVariants[variant], className)} {...props} />;
}

export function TableBody({ variant = "list", className, ...props }: ComponentProps<"tbody"> & { variant?: TableVariant }) {
  return <tbody className={cn(bodyVariants[variant], className)} {...props} />;
}

export function TableRow(props: ComponentProps<"tr">) {
  return <tr {...props} />;
}

/** A heading cell: a column's (the default) or, with `scope="row"`, the one naming its row. */
export function TableHead({ scope = "col", className, ...props }: ComponentProps<"th">) {
  return <th scope={scope} className={cn(cellPadding, "font-medium", className)} {...props} />;
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn(cellPadding, className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mb-2 text-left text-sm font-medium", className)} {...props} />;
}

export type Column<Row> = {
  /** The column's heading (for an actions column, a visually hidden one). */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The column that names the row: its cells are row headings (<th scope="row">). */
  rowHeader?: boolean;
  /** Right-aligns the heading and the cells (numbers). */
  align?: "right";
  /** Classes of the column's body cells. */
  className?: string;
  /** Classes of the column's heading. */
  headClassName?: string;
};

type RowProps = ComponentProps<"tr"> & { [data: `data-${string}`]: string | undefined };

/**
 * A table from column definitions, one row per item. Columns may be `false` (e.g. `canEdit && {…}`) to leave them out;
 * `empty` is the note shown instead of a table without rows; `rowProps` gives a row its attributes (a test id, classes);
 * `scrollable` puts the table in a box that scrolls sideways on a narrow screen.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowProps,
  empty,
  variant = "list",
  valign = "top",
  scrollable = false,
  ...props
}: Omit<ComponentProps<typeof Table>, "children"> & {
  columns: readonly (Column<Row> | false | null | undefined)[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  rowProps?: (row: Row) => RowProps;
  empty?: string;
  variant?: TableVariant;
  /** Vertical alignment of the body cells. */
  valign?: "top" | "middle";
  scrollable?: boolean;
}) {
  if (rows.length === 0 && empty !== undefined) return <p className="text-sm text-muted-foreground">{empty}</p>;
  const shown = columns.filter((c): c is Column<Row> => !!c);
  const aligned = (c: Column<Row>, className?: string) => cn(c.align === "right" && "text-right", className) || undefined;
  const table = (
    <Table {...props}>
      <TableHeader variant={variant}>
        <TableRow>
          {shown.map((c, i) => (
            <TableHead key={i} className={aligned(c, c.headClassName)}>
              {c.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody variant={variant}>
        {rows.map((row) => {
          const { className, ...rest } = rowProps?.(row) ?? {};
          return (
            <TableRow key={rowKey(row)} className={cn(valign === "top" && "align-top", className) || undefined} {...rest}>
              {shown.map((c, i) =>
                c.rowHeader ? (
                  <TableHead key={i} scope="row" className={aligned(c, c.className)}>
                    {c.cell(row)}
                  </TableHead>
                ) : (
                  <TableCell key={i} className={aligned(c, c.className)}>
                    {c.cell(row)}
                  </TableCell>
                ),
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
  return scrollable ? <div className="overflow-x-auto">{table}</div> : table;
}
