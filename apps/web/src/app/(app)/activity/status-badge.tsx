import { Badge } from "../../../components/ui/badge.tsx";

export function StatusBadge({ status }: { status: string }) {
  const tone = status === "success" ? "green" : status === "error" ? "red" : "amber";
  return <Badge tone={tone}>{status}</Badge>;
}
