/** Per-customer history a purchase model scores: repeat purchases x, recency t_x, age T (model time units). */
export interface History {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}
