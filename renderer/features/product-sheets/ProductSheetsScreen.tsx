import { EmptyState } from '../../ui/EmptyState';

export function ProductSheetsScreen() {
  return (
    <EmptyState screenTitle title="Product sheets" testId="empty-product-sheets">
      <p>Product sheets for Trax Retail (Excel, CSV or ZIP with images) are built here.</p>
      <p>This version does not build product sheets yet. Set up the Trax Retail connection under Connections to be ready.</p>
    </EmptyState>
  );
}
