import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import { followInApp } from './router';

export function Breadcrumbs({ items }: { items: ReadonlyArray<{ text: string; href: string }> }) {
  return <BreadcrumbGroup items={[{ text: 'AQtive Guard', href: '/' }, ...items]} onFollow={followInApp} ariaLabel="Breadcrumbs" />;
}
