// The short name of a sales channel in tables and legends: its platform (天猫, 抖音 …) unless two channels
// share one, then the channel's own name; the id only when the plan has no such channel.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { t } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/locale.ts';
import { localText } from '../i18n/text.ts';

export function channelLabel(input: PlanInput, id: string, locale: Locale): string {
  const channels = input.channels?.channels ?? [];
  const spec = channels.find((c) => c.id === id);
  if (!spec) return id;
  return channels.filter((c) => c.platform === spec.platform).length === 1 ? t(locale, `label.platform.${spec.platform}`) : localText(spec.name, locale) || id;
}
