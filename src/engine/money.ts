// Money is written in yuan and computed in integer minor units (分), so parts add up exactly.

export function toMinor(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fromMinor(minor: number): number {
  return minor / 100;
}
