//===- NestedParse.cpp - Keeps the plugin out of the parses it starts -----===//

#include "NestedParse.h"

#include "clang/Frontend/DependencyOutputOptions.h"
#include "clang/Frontend/FrontendOptions.h"

namespace cachepy {
using namespace clang;

std::shared_ptr<CompilerInvocation> nestedInvocation(CompilerInstance &CI,
                                                     frontend::ActionKind Action) {
  auto Invocation = std::make_shared<CompilerInvocation>(CI.getInvocation());
  FrontendOptions &Frontend = Invocation->getFrontendOpts();
  Frontend.Plugins.clear();
  Frontend.AddPluginActions.clear();
  Frontend.ActionName.clear();
  Frontend.PluginArgs.clear();
  Frontend.PluginArgs[PluginName.str()] = {NestedParseArg.str()};
  Frontend.ProgramAction = Action;
  Frontend.DisableFree = false; // the driver's -disable-free would leak the nested AST
  Frontend.OutputFile.clear();
  Frontend.TimeTracePath.clear();
  Frontend.StatsFile.clear();
  Frontend.ShowStats = false;
  Invocation->getDependencyOutputOpts() = DependencyOutputOptions();
  Invocation->getDiagnosticOpts().VerifyDiagnostics = false;
  return Invocation;
}

} // namespace cachepy
