export default function AccountManagePage() {
  return null;
}
