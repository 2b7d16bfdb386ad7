import { NotAvailableYet } from '../../components/NotAvailableYet';

// Slot for the restore wizard (preview, mappings, confirmation, live execution, ledger) once the restore API lands.
export default function RestorePage() {
  return <NotAvailableYet heading="Restore" what="Restores" />;
}
