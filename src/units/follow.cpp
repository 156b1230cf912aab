// Targets followed across the reorganisation. Rows are placed by their document (province and
// date), so the same name before and after 1 July 2025 ("Hưng Yên") is told apart; they are
// grouped by the unit they became, the indicator, the kind and the year, and each group is
// the new unit's own rows, one predecessor's rows, or the predecessors' combined by a rule.
#include "dxkit/units/follow.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "dxkit/error.hpp"
#include "dxkit/text/number.hpp"

namespace dxkit::units {

namespace {

using Kind = dxkit::Observation::Kind;

struct Placed {
  const dxkit::Observation* obs = nullptr;
  std::size_t former = 0;
};

const char* kind_name(Kind k) {
  return k == Kind::target ? "target" : k == Kind::result ? "result" : "baseline";
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

double combine(Rule rule, const std::vector<double>& v, const std::vector<double>& w) {
  double out = 0;
  double total = 0;
  for (std::size_t k = 0; k < v.size(); ++k) {
    switch (rule) {
      case Rule::sum:
        out += v[k];
        break;
      case Rule::weighted_mean:
        out += v[k] * w[k];
        total += w[k];
        break;
      case Rule::mean:
        out += v[k];
        total += 1;
        break;
      case Rule::min:
        out = k == 0 ? v[k] : std::min(out, v[k]);
        break;
      case Rule::max:
        out = k == 0 ? v[k] : std::max(out, v[k]);
        break;
      case Rule::not_comparable:
        break;
    }
  }
  return total > 0 ? out / total : out;
}

double weight_of(const Registry& registry, const std::map<std::string, double>& table,
                 std::size_t unit, const RuleSpec& rule, const Location& where) {
  const std::string key = name_key(registry.unit(unit).name);
  for (const auto& [name, w] : table)
    if (name_key(name) == key || name == registry.unit(unit).code) return w;
  throw ValidationError("no " + rule.weight + " for " + registry.unit(unit).label() +
                            ", needed by the rule " + rule.to_string(),
                        where);
}

}  // namespace

Following follow(const Registry& registry, const std::vector<dxkit::Observation>& observations,
                 const std::vector<Document>& documents, const Date& as_of,
                 const std::map<std::string, RuleSpec>& rules,
                 const std::map<std::string, std::map<std::string, double>>& weights,
                 const std::string& file) {
  std::map<std::string, const Document*> docs;
  for (const Document& d : documents) docs[d.number] = &d;
  std::map<std::tuple<std::size_t, std::string, int, int>, std::vector<Placed>> groups;
  for (const dxkit::Observation& o : observations) {
    Location where;
    where.file = file;
    where.line = o.line;
    const auto d = docs.find(o.source);
    if (d == docs.end())
      throw ValidationError("source '" + o.source +
                                "' is not one of the documents: a row's province and date "
                                "come from its document (--documents)",
                            where);
    const Document& doc = *d->second;
    const Date written = doc.date ? *doc.date : Date(doc.year, 1, 1);
    std::size_t former = 0;
    try {
      former = registry.resolve(doc.province, written, where);
    } catch (const ValidationError& e) {
      throw ValidationError("document " + doc.number + ": " + e.message(), where);
    }
    const auto to = registry.destinations(former, as_of);
    if (to.size() != 1)
      throw ValidationError(registry.unit(former).label() + " of document " + doc.number +
                                (to.empty() ? " has no successor on " + as_of.iso()
                                            : " was divided on the way to " + as_of.iso() +
                                                  ": carry its rows with shares (units carry)"),
                            where);
    groups[{to.front().unit, o.indicator, static_cast<int>(o.kind), o.year}].push_back(
        {&o, former});
  }
  Following out;
  std::map<std::size_t, Followed> by_unit;
  for (const auto& [key, rows] : groups) {
    const auto& [now, indicator, kind_int, year] = key;
    const Kind kind = static_cast<Kind>(kind_int);
    Followed& f = by_unit[now];
    f.unit = now;
    Location where;
    where.file = file;
    where.line = rows.front().obs->line;
    const std::string what = registry.unit(now).name + ": " + indicator + " " + kind_name(kind) +
                             " " + std::to_string(year);
    const auto warn = [&](std::string code, std::string message) {
      out.notes.push_back({where, Severity::warning, std::move(code), what + ": " + message});
    };
    std::vector<Placed> own;
    std::set<std::size_t> gave;
    for (const Placed& p : rows) {
      if (p.former == now) own.push_back(p);
      gave.insert(p.former);
    }
    std::string gave_names;
    for (std::size_t g : gave)
      if (g != now) gave_names += (gave_names.empty() ? "" : ", ") + registry.unit(g).label();
    if (!own.empty()) {
      for (const Placed& p : own) f.observations.push_back(*p.obs);
      f.original[indicator].insert(registry.unit(now).name);
      if (own.size() < rows.size())
        warn("own_target", "the unit's own rows replace its predecessors' (" + gave_names + ")");
      continue;
    }
    const auto before = registry.predecessors(now);
    std::string missing;
    for (const Succession& s : before)
      if (!gave.count(s.old_unit))
        missing += (missing.empty() ? "" : ", ") + registry.unit(s.old_unit).label();
    const auto rule = rules.find(indicator);
    const bool merged = !before.empty();
    if (merged && rows.front().obs->rank) {
      warn("not_comparable",
           "a rank among the former provinces is not a rank among the new "
           "ones; left out");
      continue;
    }
    if (rule != rules.end() && merged && rule->second.rule == Rule::not_comparable) {
      warn("not_comparable", "not comparable across the reorganisation; left out");
      continue;
    }
    if (rule != rules.end() && rule->second.rule == Rule::sum && !missing.empty()) {
      warn("missing_predecessor", "a sum without " + missing + " has no value; left out");
      continue;
    }
    for (std::size_t g : gave) f.original[indicator].insert(registry.unit(g).name);
    if (gave.size() == 1) {
      for (const Placed& p : rows) f.observations.push_back(*p.obs);
      if (!missing.empty())
        warn("missing_predecessor",
             "followed from " + gave_names + " alone; " + missing + " gave none");
      continue;
    }
    if (rule == rules.end())
      throw ValidationError(what + " comes from " + gave_names +
                                ": declare how the indicator combines (" + kRules.joined() + ")",
                            where);
    const RuleSpec& spec = rule->second;
    // One row per predecessor: the last one read (a later document restates the target).
    std::map<std::size_t, const dxkit::Observation*> last;
    for (const Placed& p : rows) last[p.former] = p.obs;
    std::vector<double> values, lows, highs, w;
    const TargetPart* first = nullptr;
    std::string parts;
    for (const auto& [former, o] : last) {
      if (spec.rule == Rule::weighted_mean) {
        const auto table = weights.find(spec.weight);
        if (table == weights.end())
          throw ValidationError("no weights '" + spec.weight + "' for the rule " +
                                    spec.to_string() + " of " + indicator,
                                where);
        w.push_back(weight_of(registry, table->second, former, spec, where));
      }
      values.push_back(o->value);
      parts += (parts.empty() ? "" : ", ") + registry.unit(former).name + " " + o->text;
      if (kind != Kind::target) continue;
      if (!o->target || o->target->parts.size() != 1)
        throw ValidationError(what + ": a compound target cannot be combined ('" + o->text + "')",
                              where);
      const TargetPart& part = o->target->parts.front();
      if (first && (part.condition != first->condition || part.percent != first->percent))
        throw ValidationError(what + ": targets of different kinds cannot be combined: '" +
                                  first->describe() + "' and '" + part.describe() + "'",
                              where);
      if (!first) first = &part;
      lows.push_back(part.low);
      highs.push_back(part.high);
    }
    dxkit::Observation combined = *last.begin()->second;
    combined.value = combine(spec.rule, values, w);
    if (kind == Kind::target) {
      TargetPart& part = combined.target->parts.front();
      part.low = combine(spec.rule, lows, w);
      part.high = combine(spec.rule, highs, w);
      combined.target->text = part.describe();
      combined.text = part.describe();
    } else {
      combined.text = number(combined.value);
    }
    combined.source = spec.to_string() + " of " + parts;
    f.observations.push_back(std::move(combined));
    out.notes.push_back({where, Severity::note, "combined",
                         what + ": " + spec.to_string() + " of " + parts +
                             (missing.empty() ? "" : "; without " + missing)});
  }
  for (auto& [unit, f] : by_unit) out.units.push_back(std::move(f));
  return out;
}

Weights read_weights(const csv::Table& t, NumberFormat format) {
  const std::size_t c_unit = t.require({"unit"}, "unit"),
                    c_ind = t.require({"indicator"}, "indicator"),
                    c_value = t.require({"value"}, "value");
  Weights out;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    try {
      out[t.columns[c_ind][r]][t.columns[c_unit][r]] = parse_number(t.columns[c_value][r], format);
    } catch (const ParseError& e) {
      throw e.at(t.where(r, c_value));
    }
  }
  return out;
}

ProgressIn progress_in(const Registry& registry,
                       const std::vector<dxkit::Observation>& observations,
                       const std::vector<Document>& documents, const Date& as_of,
                       const std::map<std::string, RuleSpec>& rules, const Weights& weights,
                       const dxkit::ProgressOptions& options, const std::string& file) {
  if (documents.empty())
    throw ValidationError(
        "a plan followed into the units of a date needs its documents (number, kind, "
        "province, year, date): a row's province and date come from its document");
  const Following f = follow(registry, observations, documents, as_of, rules, weights, file);
  ProgressIn out;
  out.notes = f.notes;
  for (const Followed& u : f.units) {
    const std::string& name = registry.unit(u.unit).name;
    for (dxkit::Progress& p : progress(u.observations, options)) {
      std::string original;
      const auto w = u.original.find(p.indicator);
      if (w != u.original.end())
        for (const auto& n : w->second) original += (original.empty() ? "" : "; ") + n;
      out.rows.push_back({name, std::move(original), std::move(p)});
    }
  }
  return out;
}

}  // namespace dxkit::units
