// cachepy-rewrite: shows what the plugin compiles. Given source files and a
// compilation database (-p build) or flags after `--`, prints each rewritten file, or
// with --list each cached function with its options and AST hash, so that a user
// can see why a cache missed (a changed hash means a changed key).

#include "RewritePlanner.h"
#include "RuntimeHeader.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::tooling;

static llvm::cl::OptionCategory Category("cachepy-rewrite options");
static llvm::cl::opt<bool> List("list",
                                llvm::cl::desc("list each cached function with its "
                                               "options and AST hash instead of the "
                                               "rewritten source"),
                                llvm::cl::cat(Category));

namespace {

// Installed, the tool is <prefix>/bin/cachepy-rewrite, and the headers are
// CACHEPY_INSTALLED_INCLUDE from its folder; the plugin looks for the header the same way.
std::string runtimeHeader(const char *Argv0) {
  llvm::SmallString<256> Installed(llvm::sys::path::parent_path(
      llvm::sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&runtimeHeader))));
  llvm::sys::path::append(Installed, CACHEPY_INSTALLED_INCLUDE);
  return cachepy::findRuntimeHeader("", Installed);
}

class PlanningFactory : public FrontendActionFactory {
public:
  explicit PlanningFactory(cachepy::TranslationUnitPlan &Plan) : Plan(Plan) {}
  std::unique_ptr<FrontendAction> create() override {
    return cachepy::createPlanningAction(Plan);
  }

private:
  cachepy::TranslationUnitPlan &Plan;
};

} // namespace

int main(int argc, const char **argv) {
  auto Options = CommonOptionsParser::create(argc, argv, Category);
  if (!Options) {
    llvm::errs() << "cachepy-rewrite: " << llvm::toString(Options.takeError()) << "\n";
    return 1;
  }
  ClangTool Tool(Options->getCompilations(), Options->getSourcePathList());
  // Built outside LLVM's tree, the tool must be told where clang's own headers are.
  Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
      "-resource-dir=" CACHEPY_CLANG_RESOURCE_DIR, ArgumentInsertPosition::END));
  // The plugin's planning parse begins with the runtime, before any -include of the
  // compilation's; so does this one, so that the hashes agree.
  const std::string Runtime = runtimeHeader(argv[0]);
  if (Runtime.empty())
    llvm::errs() << "cachepy-rewrite: warning: cachepy/rewritten.hpp not found beside the "
                    "tool; AST hashes may differ from the plugin's\n";
  else
    Tool.appendArgumentsAdjuster(getInsertArgumentAdjuster(
        CommandLineArguments{"-include", Runtime}, ArgumentInsertPosition::BEGIN));

  cachepy::TranslationUnitPlan Plan;
  PlanningFactory Factory(Plan);
  const int Status = Tool.run(&Factory);

  if (List) {
    for (const cachepy::PlannedFunction &Function : Plan.Functions)
      llvm::outs() << Function.Location << ": " << Function.QualifiedName
                   << " ast-hash=" << Function.AstHash << " " << Function.Options << "\n";
  } else {
    for (const cachepy::RewrittenFile &File : Plan.Files)
      llvm::outs() << "// cachepy rewrite of " << File.File.getName() << "\n" << File.Text;
  }
  return Status;
}
