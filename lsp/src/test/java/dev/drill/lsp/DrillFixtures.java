package dev.drill.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Drill texts the tests edit: the matching-engine sample, and a project with a library to import. */
final class DrillFixtures {

  private DrillFixtures() {}

  static String sample() {
    try {
      return Files.readString(Path.of("../samples/drills/matching-engine-crash.drill"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String LIBRARY = """
      template web-crash(host, port = "8080") {
        roles {
          operator "Runs the steps"
        }
        steady {
          check up { http GET "http://${host}:${port}/health" expect status 200 }
        }
      }
      """;

  static final String BUILT = """
      import "lib/web.drill"

      drill checkout from web-crash(host = "checkout.internal") {
        title "Checkout web server crash"
        owner "shop"
        param region = "eu"
        roles {
          commander "Leads"
        }
        inject kill { run "ssh ${region}-web kill app" undo "ssh ${region}-web start app" }
        detect any within 5m {
          signal down { http GET "http://${region}.shop/health" expect status != 200 }
        }
        recover within 30m {
          step restart "Restart the app" by operator within 5m {
            run "ssh ${region}-web start app"
          }
          step announce by commander after restart {
            manual "Tell the shop team"
          }
        }
      }
      """;

  /** A project (a directory with .git) with lib/web.drill and drills/checkout.drill; the drill's path. */
  static Path project(Path dir) throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    Files.createDirectories(dir.resolve("drills/lib"));
    Files.writeString(dir.resolve("drills/lib/web.drill"), LIBRARY);
    Path drill = dir.resolve("drills/checkout.drill");
    Files.writeString(drill, BUILT);
    return drill.toRealPath();
  }
}
