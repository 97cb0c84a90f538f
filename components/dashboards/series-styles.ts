// Okabe–Ito colours (safe for the common colour-vision deficiencies), each paired with a dash
// pattern and a marker shape so a series can be told apart in greyscale or print as well.
export const SERIES_STYLES = [
  { color: "#0072B2", dash: undefined, shape: "circle" },
  { color: "#D55E00", dash: "6 3", shape: "square" },
  { color: "#009E73", dash: "2 3", shape: "triangle" },
  { color: "#CC79A7", dash: "8 3 2 3", shape: "diamond" },
  { color: "#E69F00", dash: "4 4", shape: "cross" },
  { color: "#56B4E9", dash: "1 2", shape: "star" },
  { color: "#000000", dash: "10 4", shape: "wye" },
] as const;

export const seriesStyle = (i: number) => SERIES_STYLES[i % SERIES_STYLES.length]!;

export const CHART_AXIS = { fontSize: 12, fill: "#475569" } as const;
