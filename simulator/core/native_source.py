"""The C source of :mod:`simulator.core.native`: the LSTM and GRU loops over steps.

Kept as a string in a Python module so it ships wherever the package does. Arrays are
C-contiguous float64. ``gates`` arrives holding the projected inputs (sigmoid rows halved, so
``σ(a) = 0.5 · tanh(a/2) + 0.5``) and leaves holding the gate values; ``acc`` is scratch of 4H.
The arithmetic is the numpy kernels' own (``h' = n + z ⊙ (h − n)`` for the GRU, PyTorch's).
"""

SOURCE = r"""
#include <math.h>

/* acc[j] = sum_k h[k] w[k ld + j] for j < n, a row of w at a time (the compiler vectorises over j) */
static void matvec(int H, int n, long ld, const double *restrict h, const double *restrict w,
                   double *restrict acc) {
    for (int j = 0; j < n; j++) acc[j] = 0.0;
    for (int k = 0; k < H; k++) {
        const double hk = h[k];
        const double *restrict wk = w + k * ld;
        for (int j = 0; j < n; j++) acc[j] += hk * wk[j];
    }
}

/* one compiled copy of each phase, called by the whole loop and step by step (forced gates) alike,
   so both give the same bits: no inlining, cloning or other interprocedural change */
#define STEP __attribute__((noipa))

/* LSTM gates of one step: row holds a (halved for i, f, o); leaves i, f, o, g */
STEP void gs_lstm_gates(int H, double *restrict row, const double *restrict wt, const double *restrict h,
                   double *restrict acc) {
    const int n = 4 * H;
    matvec(H, n, n, h, wt, acc);
    for (int j = 0; j < 3 * H; j++) row[j] = 0.5 * tanh(row[j] + acc[j]) + 0.5;
    for (int j = 3 * H; j < n; j++) row[j] = tanh(row[j] + acc[j]);
}

/* LSTM state of one step from its gates: c' = f c + i g, h' = o tanh(c') */
STEP void gs_lstm_state(int H, const double *restrict row, const double *restrict c, double *restrict ho,
                   double *restrict co) {
    for (int j = 0; j < H; j++) co[j] = row[H + j] * c[j] + row[j] * row[3 * H + j];
    for (int j = 0; j < H; j++) ho[j] = row[2 * H + j] * tanh(co[j]);
}

void gs_lstm(long T, int H, double *g, const double *wt, const double *h0, const double *c0,
             double *hs, double *cs, double *acc) {
    const double *h = h0, *c = c0;
    for (long t = 0; t < T; t++) {
        gs_lstm_gates(H, g + t * 4 * H, wt, h, acc);
        gs_lstm_state(H, g + t * 4 * H, c, hs + t * H, cs + t * H);
        h = hs + t * H;
        c = cs + t * H;
    }
}

/* GRU r and z of one step (rows halved); acc[2H:3H] keeps W_hn h when the reset comes after */
STEP void gs_gru_rz(int H, int after, double *restrict row, const double *restrict wt,
               const double *restrict h, double *restrict acc) {
    matvec(H, after ? 3 * H : 2 * H, 3 * H, h, wt, acc);
    for (int j = 0; j < 2 * H; j++) row[j] = 0.5 * tanh(row[j] + acc[j]) + 0.5;
}

/* GRU n of one step: tanh(a_n + r (W_hn h + b_hn)), or tanh(a_n + W_hn (r h)) */
STEP void gs_gru_n(int H, int after, double *restrict row, const double *restrict wt,
              const double *restrict b_hn, const double *restrict h, double *restrict acc) {
    double *restrict t_n = acc + 2 * H, *restrict rh = acc + 3 * H;
    if (after) {
        for (int j = 0; j < H; j++) t_n[j] = row[j] * (t_n[j] + b_hn[j]);
    } else {
        for (int j = 0; j < H; j++) rh[j] = row[j] * h[j];
        matvec(H, H, 3 * H, rh, wt + 2 * H, t_n);
    }
    for (int j = 0; j < H; j++) row[2 * H + j] = tanh(row[2 * H + j] + t_n[j]);
}

/* GRU state: h' = n + z (h - n), PyTorch's arrangement */
STEP void gs_gru_state(int H, const double *restrict row, const double *restrict h, double *restrict ho) {
    for (int j = 0; j < H; j++) ho[j] = row[2 * H + j] + row[H + j] * (h[j] - row[2 * H + j]);
}

void gs_gru(long T, int H, int after, double *g, const double *wt, const double *b_hn,
            const double *h0, double *hs, double *acc) {
    const double *h = h0;
    for (long t = 0; t < T; t++) {
        gs_gru_rz(H, after, g + t * 3 * H, wt, h, acc);
        gs_gru_n(H, after, g + t * 3 * H, wt, b_hn, h, acc);
        gs_gru_state(H, g + t * 3 * H, h, hs + t * H);
        h = hs + t * H;
    }
}
"""
