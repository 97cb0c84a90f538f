import { Card, CardHeader } from "@/components/ui/card";

/** A profile section whose feature has not landed: says what it will show, links nowhere. */
export function UpcomingSection({ title, text }: { title: string; text: string }) {
  return (
    <Card>
      <CardHeader title={title} />
      <p className="px-5 py-4 text-sm text-slate-500">{text}</p>
    </Card>
  );
}
