package dev.drill.plan;

import java.io.OutputStream;

/**
 * SHA-256 (FIPS 180-4) as an output stream: what is written is hashed. The JDK has it, behind
 * the JCA's provider look-up, which costs 28 ms of a cold start (the security properties,
 * the provider list, the Sun provider's services): a sixth of the budget of a cold
 * {@code drill check}, spent to hash a few kilobytes. {@code Sha256Properties} holds it to
 * {@link java.security.MessageDigest}'s SHA-256 on random inputs.
 */
final class Sha256 extends OutputStream {

  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private final int[] state = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };
  private final byte[] block = new byte[64];
  /** A block's message schedule, each word with its round's constant from K added. */
  private final int[] words = new int[64];
  private int filled;
  private long length;

  @Override
  public void write(int b) {
    block[filled++] = (byte) b;
    length++;
    if (filled == 64) {
      compress(block, 0);
      filled = 0;
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int count) {
    length += count;
    while (count > 0) {
      if (filled == 0 && count >= 64) {
        compress(bytes, offset);
        offset += 64;
        count -= 64;
        continue;
      }
      int taken = Math.min(count, 64 - filled);
      System.arraycopy(bytes, offset, block, filled, taken);
      filled += taken;
      offset += taken;
      count -= taken;
      if (filled == 64) {
        compress(block, 0);
        filled = 0;
      }
    }
  }

  /** The digest of everything written; the stream is spent. */
  byte[] digest() {
    long bits = length * 8;
    write(0x80);
    while (filled != 56) {
      write(0);
    }
    for (int shift = 56; shift >= 0; shift -= 8) {
      write((int) (bits >>> shift));
    }
    byte[] digest = new byte[32];
    for (int i = 0; i < 8; i++) {
      digest[4 * i] = (byte) (state[i] >>> 24);
      digest[4 * i + 1] = (byte) (state[i] >>> 16);
      digest[4 * i + 2] = (byte) (state[i] >>> 8);
      digest[4 * i + 3] = (byte) state[i];
    }
    return digest;
  }

  private void compress(byte[] bytes, int offset) {
    // The message schedule written out, its sixteen live words in locals, with K added for the
    // rounds: C1 compiles the loop over the array into code that cost as much as the 64 rounds.
    int[] w = words;
    int w0 = (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
        | bytes[offset + 3] & 0xff;
    w[0] = w0 + K[0];
    int w1 = (bytes[offset + 4] & 0xff) << 24 | (bytes[offset + 5] & 0xff) << 16 | (bytes[offset + 6] & 0xff) << 8
        | bytes[offset + 7] & 0xff;
    w[1] = w1 + K[1];
    int w2 = (bytes[offset + 8] & 0xff) << 24 | (bytes[offset + 9] & 0xff) << 16 | (bytes[offset + 10] & 0xff) << 8
        | bytes[offset + 11] & 0xff;
    w[2] = w2 + K[2];
    int w3 = (bytes[offset + 12] & 0xff) << 24 | (bytes[offset + 13] & 0xff) << 16 | (bytes[offset + 14] & 0xff) << 8
        | bytes[offset + 15] & 0xff;
    w[3] = w3 + K[3];
    int w4 = (bytes[offset + 16] & 0xff) << 24 | (bytes[offset + 17] & 0xff) << 16 | (bytes[offset + 18] & 0xff) << 8
        | bytes[offset + 19] & 0xff;
    w[4] = w4 + K[4];
    int w5 = (bytes[offset + 20] & 0xff) << 24 | (bytes[offset + 21] & 0xff) << 16 | (bytes[offset + 22] & 0xff) << 8
        | bytes[offset + 23] & 0xff;
    w[5] = w5 + K[5];
    int w6 = (bytes[offset + 24] & 0xff) << 24 | (bytes[offset + 25] & 0xff) << 16 | (bytes[offset + 26] & 0xff) << 8
        | bytes[offset + 27] & 0xff;
    w[6] = w6 + K[6];
    int w7 = (bytes[offset + 28] & 0xff) << 24 | (bytes[offset + 29] & 0xff) << 16 | (bytes[offset + 30] & 0xff) << 8
        | bytes[offset + 31] & 0xff;
    w[7] = w7 + K[7];
    int w8 = (bytes[offset + 32] & 0xff) << 24 | (bytes[offset + 33] & 0xff) << 16 | (bytes[offset + 34] & 0xff) << 8
        | bytes[offset + 35] & 0xff;
    w[8] = w8 + K[8];
    int w9 = (bytes[offset + 36] & 0xff) << 24 | (bytes[offset + 37] & 0xff) << 16 | (bytes[offset + 38] & 0xff) << 8
        | bytes[offset + 39] & 0xff;
    w[9] = w9 + K[9];
    int w10 = (bytes[offset + 40] & 0xff) << 24 | (bytes[offset + 41] & 0xff) << 16 | (bytes[offset + 42] & 0xff) << 8
        | bytes[offset + 43] & 0xff;
    w[10] = w10 + K[10];
    int w11 = (bytes[offset + 44] & 0xff) << 24 | (bytes[offset + 45] & 0xff) << 16 | (bytes[offset + 46] & 0xff) << 8
        | bytes[offset + 47] & 0xff;
    w[11] = w11 + K[11];
    int w12 = (bytes[offset + 48] & 0xff) << 24 | (bytes[offset + 49] & 0xff) << 16 | (bytes[offset + 50] & 0xff) << 8
        | bytes[offset + 51] & 0xff;
    w[12] = w12 + K[12];
    int w13 = (bytes[offset + 52] & 0xff) << 24 | (bytes[offset + 53] & 0xff) << 16 | (bytes[offset + 54] & 0xff) << 8
        | bytes[offset + 55] & 0xff;
    w[13] = w13 + K[13];
    int w14 = (bytes[offset + 56] & 0xff) << 24 | (bytes[offset + 57] & 0xff) << 16 | (bytes[offset + 58] & 0xff) << 8
        | bytes[offset + 59] & 0xff;
    w[14] = w14 + K[14];
    int w15 = (bytes[offset + 60] & 0xff) << 24 | (bytes[offset + 61] & 0xff) << 16 | (bytes[offset + 62] & 0xff) << 8
        | bytes[offset + 63] & 0xff;
    w[15] = w15 + K[15];
    w0 += (w1 >>> 7 | w1 << 25) ^ (w1 >>> 18 | w1 << 14) ^ w1 >>> 3;
    w0 += w9 + ((w14 >>> 17 | w14 << 15) ^ (w14 >>> 19 | w14 << 13) ^ w14 >>> 10);
    w[16] = w0 + K[16];
    w1 += (w2 >>> 7 | w2 << 25) ^ (w2 >>> 18 | w2 << 14) ^ w2 >>> 3;
    w1 += w10 + ((w15 >>> 17 | w15 << 15) ^ (w15 >>> 19 | w15 << 13) ^ w15 >>> 10);
    w[17] = w1 + K[17];
    w2 += (w3 >>> 7 | w3 << 25) ^ (w3 >>> 18 | w3 << 14) ^ w3 >>> 3;
    w2 += w11 + ((w0 >>> 17 | w0 << 15) ^ (w0 >>> 19 | w0 << 13) ^ w0 >>> 10);
    w[18] = w2 + K[18];
    w3 += (w4 >>> 7 | w4 << 25) ^ (w4 >>> 18 | w4 << 14) ^ w4 >>> 3;
    w3 += w12 + ((w1 >>> 17 | w1 << 15) ^ (w1 >>> 19 | w1 << 13) ^ w1 >>> 10);
    w[19] = w3 + K[19];
    w4 += (w5 >>> 7 | w5 << 25) ^ (w5 >>> 18 | w5 << 14) ^ w5 >>> 3;
    w4 += w13 + ((w2 >>> 17 | w2 << 15) ^ (w2 >>> 19 | w2 << 13) ^ w2 >>> 10);
    w[20] = w4 + K[20];
    w5 += (w6 >>> 7 | w6 << 25) ^ (w6 >>> 18 | w6 << 14) ^ w6 >>> 3;
    w5 += w14 + ((w3 >>> 17 | w3 << 15) ^ (w3 >>> 19 | w3 << 13) ^ w3 >>> 10);
    w[21] = w5 + K[21];
    w6 += (w7 >>> 7 | w7 << 25) ^ (w7 >>> 18 | w7 << 14) ^ w7 >>> 3;
    w6 += w15 + ((w4 >>> 17 | w4 << 15) ^ (w4 >>> 19 | w4 << 13) ^ w4 >>> 10);
    w[22] = w6 + K[22];
    w7 += (w8 >>> 7 | w8 << 25) ^ (w8 >>> 18 | w8 << 14) ^ w8 >>> 3;
    w7 += w0 + ((w5 >>> 17 | w5 << 15) ^ (w5 >>> 19 | w5 << 13) ^ w5 >>> 10);
    w[23] = w7 + K[23];
    w8 += (w9 >>> 7 | w9 << 25) ^ (w9 >>> 18 | w9 << 14) ^ w9 >>> 3;
    w8 += w1 + ((w6 >>> 17 | w6 << 15) ^ (w6 >>> 19 | w6 << 13) ^ w6 >>> 10);
    w[24] = w8 + K[24];
    w9 += (w10 >>> 7 | w10 << 25) ^ (w10 >>> 18 | w10 << 14) ^ w10 >>> 3;
    w9 += w2 + ((w7 >>> 17 | w7 << 15) ^ (w7 >>> 19 | w7 << 13) ^ w7 >>> 10);
    w[25] = w9 + K[25];
    w10 += (w11 >>> 7 | w11 << 25) ^ (w11 >>> 18 | w11 << 14) ^ w11 >>> 3;
    w10 += w3 + ((w8 >>> 17 | w8 << 15) ^ (w8 >>> 19 | w8 << 13) ^ w8 >>> 10);
    w[26] = w10 + K[26];
    w11 += (w12 >>> 7 | w12 << 25) ^ (w12 >>> 18 | w12 << 14) ^ w12 >>> 3;
    w11 += w4 + ((w9 >>> 17 | w9 << 15) ^ (w9 >>> 19 | w9 << 13) ^ w9 >>> 10);
    w[27] = w11 + K[27];
    w12 += (w13 >>> 7 | w13 << 25) ^ (w13 >>> 18 | w13 << 14) ^ w13 >>> 3;
    w12 += w5 + ((w10 >>> 17 | w10 << 15) ^ (w10 >>> 19 | w10 << 13) ^ w10 >>> 10);
    w[28] = w12 + K[28];
    w13 += (w14 >>> 7 | w14 << 25) ^ (w14 >>> 18 | w14 << 14) ^ w14 >>> 3;
    w13 += w6 + ((w11 >>> 17 | w11 << 15) ^ (w11 >>> 19 | w11 << 13) ^ w11 >>> 10);
    w[29] = w13 + K[29];
    w14 += (w15 >>> 7 | w15 << 25) ^ (w15 >>> 18 | w15 << 14) ^ w15 >>> 3;
    w14 += w7 + ((w12 >>> 17 | w12 << 15) ^ (w12 >>> 19 | w12 << 13) ^ w12 >>> 10);
    w[30] = w14 + K[30];
    w15 += (w0 >>> 7 | w0 << 25) ^ (w0 >>> 18 | w0 << 14) ^ w0 >>> 3;
    w15 += w8 + ((w13 >>> 17 | w13 << 15) ^ (w13 >>> 19 | w13 << 13) ^ w13 >>> 10);
    w[31] = w15 + K[31];
    w0 += (w1 >>> 7 | w1 << 25) ^ (w1 >>> 18 | w1 << 14) ^ w1 >>> 3;
    w0 += w9 + ((w14 >>> 17 | w14 << 15) ^ (w14 >>> 19 | w14 << 13) ^ w14 >>> 10);
    w[32] = w0 + K[32];
    w1 += (w2 >>> 7 | w2 << 25) ^ (w2 >>> 18 | w2 << 14) ^ w2 >>> 3;
    w1 += w10 + ((w15 >>> 17 | w15 << 15) ^ (w15 >>> 19 | w15 << 13) ^ w15 >>> 10);
    w[33] = w1 + K[33];
    w2 += (w3 >>> 7 | w3 << 25) ^ (w3 >>> 18 | w3 << 14) ^ w3 >>> 3;
    w2 += w11 + ((w0 >>> 17 | w0 << 15) ^ (w0 >>> 19 | w0 << 13) ^ w0 >>> 10);
    w[34] = w2 + K[34];
    w3 += (w4 >>> 7 | w4 << 25) ^ (w4 >>> 18 | w4 << 14) ^ w4 >>> 3;
    w3 += w12 + ((w1 >>> 17 | w1 << 15) ^ (w1 >>> 19 | w1 << 13) ^ w1 >>> 10);
    w[35] = w3 + K[35];
    w4 += (w5 >>> 7 | w5 << 25) ^ (w5 >>> 18 | w5 << 14) ^ w5 >>> 3;
    w4 += w13 + ((w2 >>> 17 | w2 << 15) ^ (w2 >>> 19 | w2 << 13) ^ w2 >>> 10);
    w[36] = w4 + K[36];
    w5 += (w6 >>> 7 | w6 << 25) ^ (w6 >>> 18 | w6 << 14) ^ w6 >>> 3;
    w5 += w14 + ((w3 >>> 17 | w3 << 15) ^ (w3 >>> 19 | w3 << 13) ^ w3 >>> 10);
    w[37] = w5 + K[37];
    w6 += (w7 >>> 7 | w7 << 25) ^ (w7 >>> 18 | w7 << 14) ^ w7 >>> 3;
    w6 += w15 + ((w4 >>> 17 | w4 << 15) ^ (w4 >>> 19 | w4 << 13) ^ w4 >>> 10);
    w[38] = w6 + K[38];
    w7 += (w8 >>> 7 | w8 << 25) ^ (w8 >>> 18 | w8 << 14) ^ w8 >>> 3;
    w7 += w0 + ((w5 >>> 17 | w5 << 15) ^ (w5 >>> 19 | w5 << 13) ^ w5 >>> 10);
    w[39] = w7 + K[39];
    w8 += (w9 >>> 7 | w9 << 25) ^ (w9 >>> 18 | w9 << 14) ^ w9 >>> 3;
    w8 += w1 + ((w6 >>> 17 | w6 << 15) ^ (w6 >>> 19 | w6 << 13) ^ w6 >>> 10);
    w[40] = w8 + K[40];
    w9 += (w10 >>> 7 | w10 << 25) ^ (w10 >>> 18 | w10 << 14) ^ w10 >>> 3;
    w9 += w2 + ((w7 >>> 17 | w7 << 15) ^ (w7 >>> 19 | w7 << 13) ^ w7 >>> 10);
    w[41] = w9 + K[41];
    w10 += (w11 >>> 7 | w11 << 25) ^ (w11 >>> 18 | w11 << 14) ^ w11 >>> 3;
    w10 += w3 + ((w8 >>> 17 | w8 << 15) ^ (w8 >>> 19 | w8 << 13) ^ w8 >>> 10);
    w[42] = w10 + K[42];
    w11 += (w12 >>> 7 | w12 << 25) ^ (w12 >>> 18 | w12 << 14) ^ w12 >>> 3;
    w11 += w4 + ((w9 >>> 17 | w9 << 15) ^ (w9 >>> 19 | w9 << 13) ^ w9 >>> 10);
    w[43] = w11 + K[43];
    w12 += (w13 >>> 7 | w13 << 25) ^ (w13 >>> 18 | w13 << 14) ^ w13 >>> 3;
    w12 += w5 + ((w10 >>> 17 | w10 << 15) ^ (w10 >>> 19 | w10 << 13) ^ w10 >>> 10);
    w[44] = w12 + K[44];
    w13 += (w14 >>> 7 | w14 << 25) ^ (w14 >>> 18 | w14 << 14) ^ w14 >>> 3;
    w13 += w6 + ((w11 >>> 17 | w11 << 15) ^ (w11 >>> 19 | w11 << 13) ^ w11 >>> 10);
    w[45] = w13 + K[45];
    w14 += (w15 >>> 7 | w15 << 25) ^ (w15 >>> 18 | w15 << 14) ^ w15 >>> 3;
    w14 += w7 + ((w12 >>> 17 | w12 << 15) ^ (w12 >>> 19 | w12 << 13) ^ w12 >>> 10);
    w[46] = w14 + K[46];
    w15 += (w0 >>> 7 | w0 << 25) ^ (w0 >>> 18 | w0 << 14) ^ w0 >>> 3;
    w15 += w8 + ((w13 >>> 17 | w13 << 15) ^ (w13 >>> 19 | w13 << 13) ^ w13 >>> 10);
    w[47] = w15 + K[47];
    w0 += (w1 >>> 7 | w1 << 25) ^ (w1 >>> 18 | w1 << 14) ^ w1 >>> 3;
    w0 += w9 + ((w14 >>> 17 | w14 << 15) ^ (w14 >>> 19 | w14 << 13) ^ w14 >>> 10);
    w[48] = w0 + K[48];
    w1 += (w2 >>> 7 | w2 << 25) ^ (w2 >>> 18 | w2 << 14) ^ w2 >>> 3;
    w1 += w10 + ((w15 >>> 17 | w15 << 15) ^ (w15 >>> 19 | w15 << 13) ^ w15 >>> 10);
    w[49] = w1 + K[49];
    w2 += (w3 >>> 7 | w3 << 25) ^ (w3 >>> 18 | w3 << 14) ^ w3 >>> 3;
    w2 += w11 + ((w0 >>> 17 | w0 << 15) ^ (w0 >>> 19 | w0 << 13) ^ w0 >>> 10);
    w[50] = w2 + K[50];
    w3 += (w4 >>> 7 | w4 << 25) ^ (w4 >>> 18 | w4 << 14) ^ w4 >>> 3;
    w3 += w12 + ((w1 >>> 17 | w1 << 15) ^ (w1 >>> 19 | w1 << 13) ^ w1 >>> 10);
    w[51] = w3 + K[51];
    w4 += (w5 >>> 7 | w5 << 25) ^ (w5 >>> 18 | w5 << 14) ^ w5 >>> 3;
    w4 += w13 + ((w2 >>> 17 | w2 << 15) ^ (w2 >>> 19 | w2 << 13) ^ w2 >>> 10);
    w[52] = w4 + K[52];
    w5 += (w6 >>> 7 | w6 << 25) ^ (w6 >>> 18 | w6 << 14) ^ w6 >>> 3;
    w5 += w14 + ((w3 >>> 17 | w3 << 15) ^ (w3 >>> 19 | w3 << 13) ^ w3 >>> 10);
    w[53] = w5 + K[53];
    w6 += (w7 >>> 7 | w7 << 25) ^ (w7 >>> 18 | w7 << 14) ^ w7 >>> 3;
    w6 += w15 + ((w4 >>> 17 | w4 << 15) ^ (w4 >>> 19 | w4 << 13) ^ w4 >>> 10);
    w[54] = w6 + K[54];
    w7 += (w8 >>> 7 | w8 << 25) ^ (w8 >>> 18 | w8 << 14) ^ w8 >>> 3;
    w7 += w0 + ((w5 >>> 17 | w5 << 15) ^ (w5 >>> 19 | w5 << 13) ^ w5 >>> 10);
    w[55] = w7 + K[55];
    w8 += (w9 >>> 7 | w9 << 25) ^ (w9 >>> 18 | w9 << 14) ^ w9 >>> 3;
    w8 += w1 + ((w6 >>> 17 | w6 << 15) ^ (w6 >>> 19 | w6 << 13) ^ w6 >>> 10);
    w[56] = w8 + K[56];
    w9 += (w10 >>> 7 | w10 << 25) ^ (w10 >>> 18 | w10 << 14) ^ w10 >>> 3;
    w9 += w2 + ((w7 >>> 17 | w7 << 15) ^ (w7 >>> 19 | w7 << 13) ^ w7 >>> 10);
    w[57] = w9 + K[57];
    w10 += (w11 >>> 7 | w11 << 25) ^ (w11 >>> 18 | w11 << 14) ^ w11 >>> 3;
    w10 += w3 + ((w8 >>> 17 | w8 << 15) ^ (w8 >>> 19 | w8 << 13) ^ w8 >>> 10);
    w[58] = w10 + K[58];
    w11 += (w12 >>> 7 | w12 << 25) ^ (w12 >>> 18 | w12 << 14) ^ w12 >>> 3;
    w11 += w4 + ((w9 >>> 17 | w9 << 15) ^ (w9 >>> 19 | w9 << 13) ^ w9 >>> 10);
    w[59] = w11 + K[59];
    w12 += (w13 >>> 7 | w13 << 25) ^ (w13 >>> 18 | w13 << 14) ^ w13 >>> 3;
    w12 += w5 + ((w10 >>> 17 | w10 << 15) ^ (w10 >>> 19 | w10 << 13) ^ w10 >>> 10);
    w[60] = w12 + K[60];
    w13 += (w14 >>> 7 | w14 << 25) ^ (w14 >>> 18 | w14 << 14) ^ w14 >>> 3;
    w13 += w6 + ((w11 >>> 17 | w11 << 15) ^ (w11 >>> 19 | w11 << 13) ^ w11 >>> 10);
    w[61] = w13 + K[61];
    w14 += (w15 >>> 7 | w15 << 25) ^ (w15 >>> 18 | w15 << 14) ^ w15 >>> 3;
    w14 += w7 + ((w12 >>> 17 | w12 << 15) ^ (w12 >>> 19 | w12 << 13) ^ w12 >>> 10);
    w[62] = w14 + K[62];
    w15 += (w0 >>> 7 | w0 << 25) ^ (w0 >>> 18 | w0 << 14) ^ w0 >>> 3;
    w15 += w8 + ((w13 >>> 17 | w13 << 15) ^ (w13 >>> 19 | w13 << 13) ^ w13 >>> 10);
    w[63] = w15 + K[63];
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    int e = state[4];
    int f = state[5];
    int g = state[6];
    int h = state[7];
    for (int t = 0; t < 64; t++) {
      int t1 = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
          + (e & f ^ ~e & g) + w[t];
      int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
          + (a & b ^ a & c ^ b & c);
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}
