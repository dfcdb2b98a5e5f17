export default function BankImportPage() {
  return null;
}
