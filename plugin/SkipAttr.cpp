//===- SkipAttr.cpp - Registers [[cachepy::skip]] -------------------------===//

#include "SkipAttr.h"

#include "CacheFileAttr.h"
#include "Diagnostics.h"

#include "clang/AST/Attr.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"

namespace cachepy {
using namespace clang;

namespace {

constexpr llvm::StringLiteral SkipAnnotation = "cachepy::skip";

class SkipAttrInfo : public ParsedAttrInfo {
public:
  SkipAttrInfo() {
    static constexpr Spelling Spellings[] = {{ParsedAttr::AS_CXX11, "cachepy::skip"}};
    this->Spellings = Spellings;
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &Attr, const Decl *D) const override {
    if (isa<FieldDecl>(D))
      return true;
    if (const AnnotationLog *Log = AnnotationLog::of(S.getASTContext()); Log && Log->reportsMisuse())
      report(S.getDiagnostics(), {Attr.getLoc(), DiagId::SkipNotOnMember, {}, {}});
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D, const ParsedAttr &Attr) const override {
    D->addAttr(AnnotateAttr::Create(S.Context, SkipAnnotation, Attr));
    return AttributeApplied;
  }
};

ParsedAttrInfoRegistry::Add<SkipAttrInfo> Registration("cachepy-skip", "cachepy::skip");

} // namespace

bool isSkipped(const FieldDecl &Field) {
  for (const auto *Annotation : Field.specific_attrs<AnnotateAttr>())
    if (Annotation->getAnnotation() == SkipAnnotation)
      return true;
  return false;
}

} // namespace cachepy
