import { List, Typography } from 'antd';
import type { ReactNode } from 'react';

/** What a section needs of its query: loading, failed (with why), or the items. */
type Loaded<T> = { isPending: boolean; isError: boolean; error: unknown; items?: T[] };

/**
 * One module's section of the person drawer: its title, then either why it could not be
 * read or a small bordered list of the records (with the module's own empty text).
 * `children` go after the list (a modal or drawer the items open).
 */
export function DrawerList<T>({
  testId,
  title,
  list,
  emptyText,
  failedText,
  renderItem,
  children,
}: {
  testId: string;
  title: string;
  list: Loaded<T>;
  emptyText: string;
  failedText: (error: unknown) => string;
  renderItem: (item: T) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {list.isError ? (
        <Typography.Text type="danger">{failedText(list.error)}</Typography.Text>
      ) : (
        <List
          size="small"
          bordered
          loading={list.isPending}
          dataSource={list.items ?? []}
          locale={{ emptyText }}
          renderItem={renderItem}
        />
      )}
      {children}
    </div>
  );
}
