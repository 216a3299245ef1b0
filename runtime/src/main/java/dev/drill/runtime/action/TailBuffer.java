package dev.drill.runtime.action;

/** The last {@link OutputText#KEPT} bytes written, and how many were written in all. */
final class TailBuffer {

  private final byte[] ring = new byte[OutputText.KEPT];
  private long total;

  synchronized void write(byte[] bytes, int length) {
    int skip = Math.max(0, length - ring.length);
    total += skip;
    for (int i = skip; i < length; ) {
      int at = (int) (total % ring.length);
      int n = Math.min(length - i, ring.length - at);
      System.arraycopy(bytes, i, ring, at, n);
      total += n;
      i += n;
    }
  }

  synchronized long total() {
    return total;
  }

  synchronized byte[] kept() {
    int size = (int) Math.min(total, ring.length);
    byte[] out = new byte[size];
    int start = (int) ((total - size) % ring.length);
    for (int i = 0; i < size; i++) {
      out[i] = ring[(start + i) % ring.length];
    }
    return out;
  }
}
