// Inverse of a small symmetric matrix by Gauss-Jordan elimination with partial pivoting; null
// when singular (e.g. a flat likelihood direction), so callers report "no standard error".
export function invertSymmetric(A: Float64Array[]): Float64Array[] | null {
  const n = A.length;
  const M = A.map((row, i) => {
    const r = new Float64Array(2 * n);
    r.set(row);
    r[n + i] = 1;
    return r;
  });
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r][col]) > Math.abs(M[piv][col])) piv = r;
    if (!(Math.abs(M[piv][col]) > 1e-300)) return null;
    [M[col], M[piv]] = [M[piv], M[col]];
    const d = M[col][col];
    for (let k = 0; k < 2 * n; k++) M[col][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = M[r][col];
      if (f !== 0) for (let k = 0; k < 2 * n; k++) M[r][k] -= f * M[col][k];
    }
  }
  return M.map((r) => r.slice(n));
}
