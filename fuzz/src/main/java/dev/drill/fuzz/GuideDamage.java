package dev.drill.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What happens to a guide in a team's hands: a marker deleted, duplicated or moved with the
 * text around it, a heading reworded, a hash edited, lines swapped, a marker made up, the
 * end of the file lost. One to three of these.
 */
final class GuideDamage {

  private static final String[] MADE_UP = {"<!-- drill:begin bogus -->", "<!-- drill:end procedure -->",
      "<!-- drill:begin procedure -->", "<!-- drill:step zzz 12345678 -->", "<!-- drill:end -->", "<!-- drill:",
      "<!-- drill:guide other sha256:0000000000000000 -->", "<!-- drill:signal x 00000000 -->", "```", "~~~"};

  private GuideDamage() {}

  static void apply(Random random, List<String> lines) {
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count && !lines.isEmpty(); i++) {
      once(random, lines);
    }
  }

  private static void once(Random random, List<String> lines) {
    List<Integer> markers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("<!-- drill:")) {
        markers.add(i);
      }
    }
    int any = random.nextInt(lines.size());
    int marker = markers.isEmpty() ? any : markers.get(random.nextInt(markers.size()));
    switch (random.nextInt(9)) {
      case 0 -> lines.remove(marker);
      case 1 -> lines.add(random.nextInt(lines.size() + 1), lines.get(marker));
      case 2 -> {
        int end = Math.min(lines.size(), marker + 1 + random.nextInt(6));
        List<String> block = new ArrayList<>(lines.subList(marker, end));
        lines.subList(marker, end).clear();
        lines.addAll(random.nextInt(lines.size() + 1), block);
      }
      case 3 -> lines.subList(random.nextInt(lines.size()), lines.size()).clear();
      case 4 -> lines.set(marker, lines.get(marker).replaceAll("[0-9a-f]{8}( -->)", "00000000$1"));
      case 5 -> {
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("#") && random.nextInt(3) == 0) {
            lines.set(i, lines.get(i) + " (reworded by the team)");
          }
        }
      }
      case 6 -> {
        int other = random.nextInt(lines.size());
        String tmp = lines.get(any);
        lines.set(any, lines.get(other));
        lines.set(other, tmp);
      }
      case 7 -> lines.add(random.nextInt(lines.size() + 1), MADE_UP[random.nextInt(MADE_UP.length)]);
      default -> lines.remove(any);
    }
  }
}
