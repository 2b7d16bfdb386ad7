import { NotAvailableYet } from '../../components/NotAvailableYet';

// Slot for the backups pages (list, detail, versions, diff, import/export, retention) once the backups API lands.
export default function BackupsPage() {
  return <NotAvailableYet heading="Backups" what="Backups" />;
}
