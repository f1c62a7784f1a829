//===- CacheFileAttr.h - Registers [[cachepy::cache_file]] ----------------===//
//
// Clang tells the attribute's handler which declaration carries it. The handler reads
// the attribute once per parse (its arguments parsed and interpreted, the signature
// checked) and records the declaration with what it read in the log of the parse it
// belongs to: the planning parse rewrites the recorded functions; the real compilation
// checks them and reports misuse, the handler's own findings where it reads them.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CACHEFILEATTR_H
#define CACHEPY_PLUGIN_CACHEFILEATTR_H

#include "CacheFileOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceLocation.h"

#include <optional>
#include <vector>

namespace cachepy {

struct AnnotatedDecl {
  const clang::FunctionDecl *Decl;
  clang::SourceLocation AttrNameLoc;
  /// What the attribute asks for; empty when it is misused (its arguments or the
  /// signature), which a reporting parse reported where the attribute is applied.
  std::optional<CacheFileOptions> Options;
};

/// The functions one parse declares with the attribute. Clang's attribute handlers
/// are process-wide, and one process runs several parses: one after another (the
/// driver's in-process cc1 for each source, cachepy-rewrite for each file) and nested
/// (the planning parse before the compilation). A parse that wants its annotated
/// functions opens a log on its ASTContext for as long as the log lives; the handler
/// records into the log of the ASTContext it parses into, and nowhere else.
class AnnotationLog {
public:
  enum class Misuse { Ignore, Report }; ///< a planning parse only records
  AnnotationLog(const clang::ASTContext &Context, Misuse Handling);
  ~AnnotationLog();
  AnnotationLog(const AnnotationLog &) = delete;
  AnnotationLog &operator=(const AnnotationLog &) = delete;

  /// The log open on Context, or null when that parse records nothing.
  static AnnotationLog *of(const clang::ASTContext &Context);

  void record(const AnnotatedDecl &Entry) { Annotated.push_back(Entry); }
  const std::vector<AnnotatedDecl> &annotated() const { return Annotated; }
  bool reportsMisuse() const { return Handling == Misuse::Report; }

private:
  const clang::ASTContext &Context;
  const Misuse Handling;
  std::vector<AnnotatedDecl> Annotated;
};

} // namespace cachepy

#endif
