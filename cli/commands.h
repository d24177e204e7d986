// The subcommands of the bilik executable. Each parses its own arguments,
// calls the libraries and returns the process exit status:
// 0 success, 1 some input failed or a query found nothing, 2 usage,
// rule-pack or store error. A usage error is reported before anything is
// opened or written.
#pragma once

#include <string>
#include <vector>

namespace bilik::cli {

using Args = std::vector<std::string>;

int run_extract(const Args& args, const std::string& argv0);
int run_explain(const Args& args, const std::string& argv0);
int run_rules(const Args& args, const std::string& argv0);
int run_merge(const Args& args, const std::string& argv0);
int run_export(const Args& args, const std::string& argv0);
int run_query(const Args& args, const std::string& argv0);
int run_stats(const Args& args, const std::string& argv0);
int run_curate(const Args& args, const std::string& argv0);

}  // namespace bilik::cli
