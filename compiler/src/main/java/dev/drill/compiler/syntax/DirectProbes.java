package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Comparison;
import dev.drill.compiler.ast.DurationValue;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.JsonCheck;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.NumberCheck;
import dev.drill.compiler.ast.NumberValue;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.syntax.DirectParser.NotPlain;
import dev.drill.compiler.syntax.DirectTokens.Kind;
import dev.drill.plan.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link DirectParser}'s rules for actions and probes, which steps, checks and signals share. */
final class DirectProbes {

  private final DirectCursor in;

  DirectProbes(DirectCursor in) {
    this.in = in;
  }

  Action action() {
    int start = in.position();
    Kind keyword = in.kind();
    in.advance();
    switch (keyword) {
      case RUN -> {
        Text command = in.text();
        Optional<DurationValue> timeout = in.accept(Kind.TIMEOUT) ? Optional.of(in.duration()) : Optional.empty();
        Optional<NumberCheck> exit = Optional.empty();
        if (in.accept(Kind.EXPECT)) {
          in.expect(Kind.EXIT);
          exit = Optional.of(numberCheck());
        }
        return new Action.Run(in.span(start), command, timeout, exit);
      }
      case HTTP -> {
        Name method = in.name();
        Text url = in.text();
        List<HttpOption> options = httpOptions();
        Optional<NumberCheck> status = Optional.empty();
        if (in.accept(Kind.EXPECT)) {
          in.expect(Kind.STATUS);
          status = Optional.of(numberCheck());
        }
        Optional<DurationValue> timeout = in.accept(Kind.TIMEOUT) ? Optional.of(in.duration()) : Optional.empty();
        return new Action.Http(in.span(start), method, url, options, status, timeout);
      }
      case MANUAL -> {
        Text instruction = in.text();
        return new Action.Manual(in.span(start), instruction);
      }
      case WAIT -> {
        DurationValue duration = in.duration();
        return new Action.Wait(in.span(start), duration);
      }
      default -> throw NotPlain.INSTANCE;
    }
  }

  private List<HttpOption> httpOptions() {
    List<HttpOption> options = new ArrayList<>();
    while (in.kind() == Kind.HEADER || in.kind() == Kind.BODY) {
      int option = in.position();
      if (in.kind(in.advance()) == Kind.HEADER) {
        Text name = in.text();
        in.expect(Kind.ASSIGN);
        Text value = in.text();
        options.add(new HttpOption.Header(in.span(option), name, value));
      } else {
        Text body = in.text();
        options.add(new HttpOption.Body(in.span(option), body));
      }
    }
    return options;
  }

  ProbeSpec bracedProbe() {
    in.expect(Kind.LBRACE);
    ProbeSpec probe = probeSpec();
    in.expect(Kind.RBRACE);
    return probe;
  }

  // probeSpec : probe probeOption*;
  ProbeSpec probeSpec() {
    int start = in.position();
    Probe probe = probe();
    List<ProbeSpec.Option> options = new ArrayList<>();
    while (true) {
      int option = in.position();
      ProbeSpec.OptionKind kind;
      if (in.accept(Kind.EVERY)) {
        kind = ProbeSpec.OptionKind.EVERY;
      } else if (in.accept(Kind.TIMEOUT)) {
        kind = ProbeSpec.OptionKind.TIMEOUT;
      } else if (in.accept(Kind.FOR)) {
        kind = ProbeSpec.OptionKind.FOR;
      } else {
        break;
      }
      DurationValue value = in.duration();
      options.add(new ProbeSpec.Option(in.span(option), kind, value));
    }
    return new ProbeSpec(in.span(start), probe, options);
  }

  private Probe probe() {
    int start = in.position();
    Kind keyword = in.kind();
    in.advance();
    switch (keyword) {
      case HTTP -> {
        Name method = in.name();
        Text url = in.text();
        List<HttpOption> options = httpOptions();
        Expectations expected = expectations(Kind.STATUS, Kind.BODY);
        return new Probe.Http(in.span(start), method, url, options, expected.numbers, expected.contains,
            expected.patterns, expected.jsons);
      }
      case COMMAND -> {
        Text command = in.text();
        Expectations expected = expectations(Kind.EXIT, Kind.OUTPUT);
        return new Probe.Command(in.span(start), command, expected.numbers, expected.contains, expected.patterns,
            expected.jsons);
      }
      case PROMETHEUS -> {
        if (in.accept(Kind.QUERY)) {
          Text query = in.text();
          Optional<Text> server = in.accept(Kind.AT) ? Optional.of(in.text()) : Optional.empty();
          in.expect(Kind.EXPECT);
          int comparison = in.position();
          Comparator op = comparator();
          NumberValue value = in.number();
          return new Probe.PrometheusQuery(in.span(start), query, server, new Comparison(in.span(comparison), op, value));
        }
        in.expect(Kind.ALERT);
        Text alert = in.text();
        Optional<Text> server = in.accept(Kind.AT) ? Optional.of(in.text()) : Optional.empty();
        return new Probe.PrometheusAlert(in.span(start), alert, server);
      }
      case LOG -> {
        Text path = in.text();
        in.expect(Kind.MATCHES);
        Text pattern = in.text();
        return new Probe.Log(in.span(start), path, pattern);
      }
      case MANUAL -> {
        Text question = in.text();
        return new Probe.Manual(in.span(start), question);
      }
      default -> throw NotPlain.INSTANCE;
    }
  }

  /** What an http or a command probe expects: of its status or exit, of its body or output. */
  private static final class Expectations {
    final List<NumberCheck> numbers = new ArrayList<>();
    final List<Text> contains = new ArrayList<>();
    final List<Text> patterns = new ArrayList<>();
    final List<JsonCheck> jsons = new ArrayList<>();
  }

  // httpExpect / commandExpect : EXPECT (STATUS | EXIT) numberCheck | EXPECT (BODY | OUTPUT) (CONTAINS | MATCHES) text | jsonCheck
  private Expectations expectations(Kind number, Kind content) {
    Expectations expected = new Expectations();
    while (in.kind() == Kind.EXPECT) {
      int start = in.advance();
      Kind what = in.kind();
      in.advance();
      if (what == number) {
        expected.numbers.add(numberCheck());
      } else if (what == content) {
        if (in.accept(Kind.CONTAINS)) {
          expected.contains.add(in.text());
        } else {
          in.expect(Kind.MATCHES);
          expected.patterns.add(in.text());
        }
      } else if (what == Kind.JSON) {
        Text path = in.text();
        Optional<NumberValue> count = in.accept(Kind.COUNT) ? Optional.of(in.number()) : Optional.empty();
        Optional<Text> equals = count.isEmpty() && in.accept(Kind.EQUALS) ? Optional.of(in.text()) : Optional.empty();
        expected.jsons.add(new JsonCheck(in.span(start), path, count, equals));
      } else {
        throw NotPlain.INSTANCE;
      }
    }
    return expected;
  }

  // numberCheck : comparator? number | IN number (COMMA number)* | BETWEEN number AND number;
  private NumberCheck numberCheck() {
    int start = in.position();
    if (in.accept(Kind.IN)) {
      List<NumberValue> values = new ArrayList<>();
      do {
        values.add(in.number());
      } while (in.accept(Kind.COMMA));
      return new NumberCheck.OneOf(in.span(start), values);
    }
    if (in.accept(Kind.BETWEEN)) {
      NumberValue low = in.number();
      in.expect(Kind.AND);
      NumberValue high = in.number();
      return new NumberCheck.Between(in.span(start), low, high);
    }
    Comparator op = in.kind() == Kind.NUMBER ? Comparator.EQ : comparator();
    NumberValue value = in.number();
    return new Comparison(in.span(start), op, value);
  }

  private Comparator comparator() {
    Comparator op = switch (in.kind()) {
      case EQ -> Comparator.EQ;
      case NE -> Comparator.NE;
      case LT -> Comparator.LT;
      case LE -> Comparator.LE;
      case GT -> Comparator.GT;
      case GE -> Comparator.GE;
      default -> throw NotPlain.INSTANCE;
    };
    in.advance();
    return op;
  }
}
