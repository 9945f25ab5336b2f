/**
 * A uniform spatial grid rebuilt each sample by counting sort: cell size >= the largest radio range,
 * so every pair in range lies in the same or an adjacent cell. Bounds follow the points (no world
 * size needed); if the grid would exceed `max(4N, 256)` cells the cell size is doubled (still
 * correct, only more candidates). A second grid can index a subset of the nodes (e.g. those that
 * moved) on the same geometry. Knows nothing of nodes' meaning, radios or time.
 */
export class UniformGrid {
  cell = 1;
  gx = 1;
  gy = 1;
  minX = 0;
  minY = 0;
  /** Node indices grouped by cell, ascending within each cell. */
  cellNodes: Int32Array = new Int32Array(0);
  /** cellNodes[cellStart[c] .. cellStart[c+1]) are the nodes in cell c. */
  cellStart: Int32Array = new Int32Array(1);
  /** Cell column/row of each node (shared with subset grids built from this one). */
  cellX: Int32Array = new Int32Array(0);
  cellY: Int32Array = new Int32Array(0);

  /** Indexes all n nodes, choosing the geometry from their bounding box. */
  build(xs: Float64Array, ys: Float64Array, n: number, cellSize: number): void {
    if (!(cellSize > 0)) throw new RangeError(`grid cell size must be > 0, got ${cellSize}`);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!, y = ys[i]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (n === 0) { minX = minY = maxX = maxY = 0; }
    const maxCells = Math.max(256, 4 * n);
    let cell = cellSize;
    let gx = Math.floor((maxX - minX) / cell) + 1;
    let gy = Math.floor((maxY - minY) / cell) + 1;
    while (gx * gy > maxCells) {
      cell *= 2;
      gx = Math.floor((maxX - minX) / cell) + 1;
      gy = Math.floor((maxY - minY) / cell) + 1;
    }
    this.cell = cell; this.gx = gx; this.gy = gy; this.minX = minX; this.minY = minY;
    if (this.cellX.length < n) {
      this.cellX = new Int32Array(n);
      this.cellY = new Int32Array(n);
    }
    const { cellX, cellY } = this;
    for (let i = 0; i < n; i++) {
      cellX[i] = Math.floor((xs[i]! - minX) / cell);
      cellY[i] = Math.floor((ys[i]! - minY) / cell);
    }
    this.fill(n, null);
  }

  /** Indexes only the nodes with mask[i] = 1, on the geometry (and cell coordinates) of `like`. */
  buildSubset(like: UniformGrid, n: number, mask: Uint8Array): void {
    this.cell = like.cell; this.gx = like.gx; this.gy = like.gy; this.minX = like.minX; this.minY = like.minY;
    this.cellX = like.cellX;
    this.cellY = like.cellY;
    this.fill(n, mask);
  }

  private fill(n: number, mask: Uint8Array | null): void {
    const cells = this.gx * this.gy;
    if (this.cellStart.length < cells + 1) this.cellStart = new Int32Array(Math.max(cells + 1, this.cellStart.length * 2));
    if (this.cellNodes.length < n) this.cellNodes = new Int32Array(n);
    const { cellStart, cellNodes, cellX, cellY, gx } = this;
    cellStart.fill(0, 0, cells + 1);
    for (let i = 0; i < n; i++) {
      if (mask && mask[i] === 0) continue;
      cellStart[cellY[i]! * gx + cellX[i]! + 1]!++;
    }
    for (let c = 0; c < cells; c++) cellStart[c + 1]! += cellStart[c]!;
    // Fill using cellStart[c] as a cursor, then shift back: keeps nodes ascending within a cell.
    for (let i = 0; i < n; i++) {
      if (mask && mask[i] === 0) continue;
      cellNodes[cellStart[cellY[i]! * gx + cellX[i]!]!++] = i;
    }
    for (let c = cells; c > 0; c--) cellStart[c] = cellStart[c - 1]!;
    cellStart[0] = 0;
  }
}
