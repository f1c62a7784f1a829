//===- StoredTypes.cpp - What a cached function stores, and how -----------===//

#include "StoredTypes.h"

#include "ClangCompat.h"
#include "RewriteNames.h"
#include "SkipAttr.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecordLayout.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/xxhash.h"

namespace cachepy {
using namespace clang;

namespace {

/// The outermost namespace a declaration is in ("std" for std::chrono::duration).
llvm::StringRef topNamespace(const Decl &D) {
  llvm::StringRef Top;
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && !NS->isInline() && !NS->isAnonymousNamespace())
      Top = NS->getName();
  return Top;
}

/// How many leading type arguments of a standard template are stored values (-1: all);
/// nullopt for a standard class the runtime does not store.
std::optional<int> storedStdArguments(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<int>>(Name)
      .Cases("basic_string", "basic_string_view", "bitset", "duration", "time_point", 0)
      .Cases("path", "monostate", 0)
      .Cases("vector", "array", "deque", "list", "forward_list", "optional", 1)
      .Cases("set", "multiset", "unordered_set", "unordered_multiset", 1)
      .Cases("unique_ptr", "shared_ptr", "complex", "valarray", "span", 1)
      .Cases("map", "multimap", "unordered_map", "unordered_multimap", 2)
      .Cases("pair", "tuple", "variant", -1)
      .Default(std::nullopt);
}

/// Why a standard class holds nothing another run could use; "" for one we do not know.
llvm::StringRef whyStdRefused(llvm::StringRef Name) {
  return llvm::StringSwitch<llvm::StringRef>(Name)
      .Cases("mutex", "recursive_mutex", "timed_mutex", "recursive_timed_mutex",
             "a mutex holds no value")
      .Cases("shared_mutex", "shared_timed_mutex", "condition_variable",
             "condition_variable_any", "a synchronization object holds no value")
      .Cases("atomic", "atomic_flag", "atomic_ref",
             "an atomic is shared state, not a value")
      .Cases("thread", "jthread", "a thread holds no value")
      .Cases("function", "move_only_function", "packaged_task",
             "a std::function holds code, whose effect cannot be stored")
      .Cases("basic_istream", "basic_ostream", "basic_iostream", "basic_fstream",
             "a stream is a handle on a file or buffer, not a value")
      .Cases("basic_ifstream", "basic_ofstream", "basic_filebuf", "basic_streambuf",
             "a stream is a handle on a file or buffer, not a value")
      .Cases("basic_stringstream", "basic_istringstream", "basic_ostringstream",
             "a stream is a handle on a buffer, not a value")
      .Cases("future", "shared_future", "promise", "a future holds no value yet")
      .Case("weak_ptr", "a weak_ptr does not own what it points to")
      .Case("reference_wrapper", "a reference cannot be restored")
      .Case("any", "std::any's content has no type cachepy can name")
      .Default("");
}

bool isEigenDense(llvm::StringRef Name) { return Name == "Matrix" || Name == "Array"; }

/// std::unique_ptr<T[]> or std::shared_ptr<T[]> (or <T[N]>): cereal stores a smart
/// pointer's pointee as one T, and cannot compile an array's.
bool pointsToArray(const CXXRecordDecl &Record) {
  const auto *Special = dyn_cast<ClassTemplateSpecializationDecl>(&Record);
  if (!Special || (Record.getName() != "unique_ptr" && Record.getName() != "shared_ptr"))
    return false;
  const TemplateArgument &Pointee = Special->getTemplateArgs()[0];
  return Pointee.getKind() == TemplateArgument::Type && Pointee.getAsType()->isArrayType();
}

/// cereal's names for what a class writes itself.
constexpr llvm::StringLiteral SerializationNames[] = {"serialize", "save", "load",
                                                      "save_minimal", "load_minimal"};

/// Whether Type (a parameter's, through references) names Record or its template.
bool refersTo(QualType Type, const CXXRecordDecl &Record) {
  Type = Type.getNonReferenceType().getUnqualifiedType();
  if (const CXXRecordDecl *Named = Type->getAsCXXRecordDecl())
    return Named->getCanonicalDecl() == Record.getCanonicalDecl();
  if (const auto *Special = Type->getAs<TemplateSpecializationType>())
    if (const auto *Pattern = dyn_cast<ClassTemplateSpecializationDecl>(&Record))
      if (const TemplateDecl *Template = Special->getTemplateName().getAsTemplateDecl())
        return Template->getCanonicalDecl() ==
               Pattern->getSpecializedTemplate()->getCanonicalDecl();
  return false;
}

/// Record's own serialize/save/load functions: members (its bases' too, as cereal finds
/// them), and non-members in its namespace or cereal's taking it second.
std::vector<const FunctionDecl *> userSerialization(const CXXRecordDecl &Record,
                                                    ASTContext &Context) {
  std::vector<const FunctionDecl *> Found;
  auto take = [&](const NamedDecl *D, bool Member) {
    const FunctionDecl *F = D->getAsFunction();
    if (!F)
      return;
    if (Member || (F->getNumParams() == 2 && refersTo(F->getParamDecl(1)->getType(), Record)))
      Found.push_back(F->getDefinition() ? F->getDefinition() : F);
  };
  std::function<void(const CXXRecordDecl &)> members = [&](const CXXRecordDecl &Class) {
    for (llvm::StringRef Name : SerializationNames)
      for (const NamedDecl *D : Class.lookup(&Context.Idents.get(Name)))
        take(D, /*Member=*/true);
    for (const CXXBaseSpecifier &Base : Class.bases())
      if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl(); B && B->hasDefinition())
        members(*B->getDefinition());
  };
  members(Record);
  llvm::SmallVector<const DeclContext *, 2> Namespaces{Record.getEnclosingNamespaceContext()};
  for (const NamedDecl *D :
       Context.getTranslationUnitDecl()->lookup(&Context.Idents.get("cereal")))
    if (const auto *Cereal = dyn_cast<NamespaceDecl>(D))
      Namespaces.push_back(Cereal);
  for (const DeclContext *NS : Namespaces)
    for (llvm::StringRef Name : SerializationNames)
      for (const NamedDecl *D : NS->lookup(&Context.Idents.get(Name)))
        take(D, /*Member=*/false);
  return Found;
}

bool defaultConstructible(const CXXRecordDecl &Record);

/// Whether the implicit default constructor a member or base needs is not deleted.
bool defaultInitializable(const FieldDecl &Field) {
  if (Field.hasInClassInitializer())
    return true;
  QualType Type = Field.getType();
  if (Type->isReferenceType())
    return false;
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (Record && Record->hasDefinition())
    return defaultConstructible(*Record->getDefinition());
  return !Type.isConstQualified();
}

bool defaultConstructible(const CXXRecordDecl &Record) {
  for (const CXXConstructorDecl *Ctor : Record.ctors())
    if (Ctor->isDefaultConstructor())
      return !Ctor->isDeleted() && Ctor->getAccess() == AS_public;
  if (!Record.needsImplicitDefaultConstructor())
    return false;
  if (Record.isUnion())
    return true;
  for (const CXXBaseSpecifier &Base : Record.bases())
    if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl();
        B && B->hasDefinition() && !defaultConstructible(*B->getDefinition()))
      return false;
  for (const FieldDecl *Field : Record.fields())
    if (!defaultInitializable(*Field))
      return false;
  return true;
}

std::string hex(uint64_t Value) { return llvm::utohexstr(Value, /*LowerCase=*/true, 16); }

} // namespace

/// One judged root (a parameter, the result, the object) and where its problem goes.
struct StoredTypes::Walk {
  enum Role { Parameter, Result, Object } Root;
  SourceLocation Loc;
  std::string RootName; ///< the parameter's name, or the function's
  std::string RootType;
  /// The members walked through: "Model::pool", then ".inner" for each deeper one.
  std::vector<std::pair<const FieldDecl *, std::string>> Path;
  bool Loads;       ///< the result: read back into objects, not only hashed
  bool AtResultRoot; ///< the class being walked is the result itself
  std::vector<const CXXRecordDecl *> &Derived;
  std::optional<AttrProblem> Problem;

  bool refuse(QualType Type, llvm::StringRef Why, const PrintingPolicy &Policy) {
    if (Problem)
      return false;
    const std::string TypeText = Type.getAsString(Policy);
    if (Path.empty()) {
      if (Root == Parameter)
        Problem = AttrProblem{Loc, DiagId::ParameterCannotBeStored, {RootName, TypeText, Why.str()}, {}};
      else
        Problem = AttrProblem{Loc, DiagId::ResultCannotBeStored, {"", TypeText, Why.str(), RootName}, {}};
      return false;
    }
    std::string Where;
    for (const auto &[Field, Step] : Path)
      Where += Step;
    const FieldDecl &Culprit = *Path.back().first;
    const std::string Owner =
        recordType(Culprit.getASTContext(), *cast<CXXRecordDecl>(Culprit.getParent())).getAsString(Policy);
    const std::string Tail =
        Root == Parameter ? ", or leave parameter '" + RootName + "' out of the key with ignore=[\"" +
                                RootName + "\"]"
                          : "";
    Problem = AttrProblem{Loc, DiagId::MemberCannotBeStored, {Where, TypeText, Why.str(), Owner, Tail},
                          {}, Culprit.getLocation()};
    return false;
  }
};

StoredTypesVerdict StoredTypes::judge(const FunctionDecl &Definition,
                                      const std::set<unsigned> &Ignored) {
  StoredTypesVerdict Verdict;
  const FunctionTemplateDecl *Template = Definition.getDescribedFunctionTemplate();
  if (!Template) {
    // A member of a class template is judged per instantiation by the runtime's checks.
    if (!Definition.isTemplated())
      Verdict.Layout = judgeInstance(Definition, Ignored, Verdict);
    return Verdict;
  }
  // A function template: each instantiation made here. Their types' layouts reach the
  // key through the instantiation's identity and hash, its site being shared.
  const bool HasPack = llvm::any_of(Definition.parameters(),
                                    [](const ParmVarDecl *P) { return P->isParameterPack(); });
  Verdict.AfterEverything = true;
  if (!HasPack)
    for (const FunctionDecl *Instance : Template->specializations())
      if (judgeInstance(*Instance, Ignored, Verdict), Verdict.Problem)
        break;
  return Verdict;
}

uint64_t StoredTypes::judgeInstance(const FunctionDecl &Definition,
                                    const std::set<unsigned> &Ignored,
                                    StoredTypesVerdict &Verdict) {
  std::string Layout;
  auto judgeRoot = [&](QualType Type, Walk::Role Role, SourceLocation Loc, std::string Name) {
    Walk W{Role, Loc, std::move(Name), Type.getAsString(), {}, Role == Walk::Result,
           Role == Walk::Result, Verdict.Derived, std::nullopt};
    std::string Shape;
    const bool Stored = walk(Type, W, Shape);
    Layout += Shape + ";";
    if (!Stored && !Verdict.Problem)
      Verdict.Problem = W.Problem;
    return Stored;
  };
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Definition); Method && Method->isInstance())
    if (!judgeRoot(recordType(Context, *Method->getParent()), Walk::Object,
                   Definition.getLocation(), Definition.getNameAsString()))
      return 0;
  for (unsigned I = 0; I < Definition.getNumParams(); ++I) {
    const ParmVarDecl *Param = Definition.getParamDecl(I);
    if (Param->getName().empty() || Ignored.count(I))
      continue;
    QualType Type = Param->getType().getNonReferenceType().getUnqualifiedType();
    // C strings enter the key as their characters (value_archive.hpp: text_view).
    if (const auto *Pointer = Type->getAs<PointerType>();
        Pointer && Pointer->getPointeeType().getUnqualifiedType()->isCharType())
      continue;
    SourceLocation Loc = Param->getBeginLoc().isValid() ? Param->getBeginLoc() : Param->getLocation();
    if (!judgeRoot(Type, Walk::Parameter, Loc, Param->getNameAsString()))
      return 0;
  }
  QualType Result = Definition.getReturnType();
  if (!Result->isVoidType()) {
    SourceLocation Loc = Definition.getReturnTypeSourceRange().getBegin();
    if (!judgeRoot(Result.getUnqualifiedType(), Walk::Result,
                   Loc.isValid() ? Loc : Definition.getLocation(),
                   Definition.getQualifiedNameAsString()))
      return 0;
    // Derived classes only: the runtime checks the others, whose constructors may be
    // templates (std::unique_ptr's).
    const CXXRecordDecl *Record = Result->getAsCXXRecordDecl();
    auto It = Record && Record->hasDefinition() ? Classes.find(Record->getDefinition()) : Classes.end();
    if (It != Classes.end() && It->second.How == ClassInfo::Derived && !It->second.Constructs &&
        !defaultConstructible(*Record->getDefinition())) {
      {
        Verdict.Problem = AttrProblem{Loc.isValid() ? Loc : Definition.getLocation(),
                                      DiagId::ResultNotConstructible,
                                      {"", Result.getAsString(), "it has no default constructor "
                                       "and is not an aggregate cachepy can build member by member",
                                       Definition.getQualifiedNameAsString()},
                                      {}};
        return 0;
      }
    }
  }
  return llvm::xxHash64(Layout);
}

bool StoredTypes::walk(QualType Type, Walk &W, std::string &Shape) {
  const PrintingPolicy &Policy = Context.getPrintingPolicy();
  Type = Type.getCanonicalType().getUnqualifiedType();
  if (Type->isReferenceType())
    return W.refuse(Type, "a reference cannot be restored", Policy);
  if (Type->isPointerType() || Type->isMemberPointerType() || Type->isNullPtrType())
    return Type->isNullPtrType() ||
           W.refuse(Type, "a raw pointer's address means nothing in another run; store the "
                          "value, or a std::unique_ptr or std::shared_ptr to it",
                    Policy);
  if (const auto *Enum = Type->getAs<EnumType>()) {
    Shape += "enum " + Enum->getDecl()->getQualifiedNameAsString() + ":" +
             Enum->getDecl()->getIntegerType().getAsString(Policy);
    return true;
  }
  if (Type->isBuiltinType() && (Type->isArithmeticType())) {
    Shape += Type.getAsString(Policy);
    return true;
  }
  if (const auto *Array = Context.getAsConstantArrayType(Type)) {
    const bool Stored = walk(Array->getElementType(), W, Shape);
    Shape += "[" + std::to_string(Array->getSize().getZExtValue()) + "]";
    return Stored;
  }
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return W.refuse(Type, "cachepy does not know how to store this type", Policy);
  if (Record->isLambda())
    return W.refuse(Type, "a closure's captures cannot be read", Policy);
  if (Record->isUnion())
    return W.refuse(Type, "which member of a union holds the value is not known", Policy);
  const llvm::StringRef Top = topNamespace(*Record);
  if (Top == "std") {
    const std::optional<int> Stored = storedStdArguments(Record->getName());
    if (!Stored) {
      const llvm::StringRef Why = whyStdRefused(Record->getName());
      return W.refuse(Type, Why.empty() ? "cachepy does not store this standard type" : Why, Policy);
    }
    if (pointsToArray(*Record))
      return W.refuse(Type, "cachepy does not store a smart pointer to an array; store a "
                            "std::vector (or a std::array)",
                      Policy);
    if (Record->getName() == "basic_string_view" && W.Loads)
      return W.refuse(Type, "a string_view does not own its characters; return a std::string",
                      Policy);
    Shape += "std::" + Record->getName().str();
    const auto *Special = dyn_cast<ClassTemplateSpecializationDecl>(Record);
    if (!Special)
      return true;
    Shape += "<";
    const llvm::ArrayRef<TemplateArgument> Arguments = Special->getTemplateArgs().asArray();
    for (unsigned I = 0; I < Arguments.size(); ++I) {
      const TemplateArgument &Argument = Arguments[I];
      if (Argument.getKind() == TemplateArgument::Type) {
        if (*Stored < 0 || static_cast<int>(I) < *Stored) {
          if (!walk(Argument.getAsType(), W, Shape))
            return false;
        } else {
          Shape += Argument.getAsType().getAsString(Policy); // allocator, comparator, ...
        }
      } else if (Argument.getKind() == TemplateArgument::Integral) {
        Shape += llvm::toString(Argument.getAsIntegral(), 10);
      } else if (Argument.getKind() == TemplateArgument::Pack) {
        for (const TemplateArgument &Element : Argument.pack_elements())
          if (Element.getKind() == TemplateArgument::Type &&
              (!walk(Element.getAsType(), W, Shape) || (Shape += ",", false)))
            return false;
      }
      Shape += ",";
    }
    Shape += ">";
    return true;
  }
  if (Top == "Eigen") {
    if (!isEigenDense(Record->getName()))
      return W.refuse(Type, "cachepy stores Eigen's dense Matrix and Array; evaluate the "
                            "expression into one (.eval())",
                      Policy);
    Shape += Type.getAsString(Policy);
    return true;
  }
  return walkClass(*Record, W, Shape);
}

bool StoredTypes::walkClass(const CXXRecordDecl &Declared, Walk &W, std::string &Shape) {
  const PrintingPolicy &Policy = Context.getPrintingPolicy();
  QualType Type = recordType(Context, Declared);
  if (!Declared.hasDefinition())
    return W.refuse(Type, "its definition is not visible here", Policy);
  const CXXRecordDecl &Record = *Declared.getDefinition();
  if (InProgress.count(&Record)) { // a recursive type: its shape is being written
    Shape += Record.getQualifiedNameAsString();
    return true;
  }
  const ClassInfo *Info = classInfo(Record, W);
  if (!Info)
    return false;
  Shape += Info->Shape;
  return true;
}

const StoredTypes::ClassInfo *StoredTypes::classInfo(const CXXRecordDecl &Record, Walk &W) {
  if (auto It = Classes.find(&Record); It != Classes.end()) {
    // Known from another function: what its derivation builds on is needed here too.
    if (It->second.How == ClassInfo::Derived)
      for (const CXXRecordDecl *Needed : It->second.Needs)
        if (std::find(W.Derived.begin(), W.Derived.end(), Needed) == W.Derived.end())
          W.Derived.push_back(Needed);
    return &It->second;
  }
  const PrintingPolicy &Policy = Context.getPrintingPolicy();
  QualType Type = recordType(Context, Record);
  const std::string Name = Record.getQualifiedNameAsString();
  if (Record.isLocalClass())
    return W.refuse(Type, "a class defined inside a function has no name cachepy can use", Policy),
           nullptr;
  std::vector<const FunctionDecl *> Own = userSerialization(Record, Context);
  if (!Own.empty()) {
    ClassInfo Info{ClassInfo::UserWritten, false, false, Name + "=serialize:", {}};
    for (const FunctionDecl *F : Own) {
      const AstHash Hash = F->hasBody() ? Hasher.hashWithDependencies(*F) : AstHash{};
      Info.Shape += hex(Hash.High) + hex(Hash.Low);
    }
    return &Classes.try_emplace(&Record, std::move(Info)).first->second;
  }
  for (const CXXRecordDecl *Inner = &Record;
       const auto *Outer = dyn_cast<CXXRecordDecl>(Inner->getDeclContext()); Inner = Outer)
    if (Inner->getAccess() != AS_public)
      return W.refuse(Type, "it is a private or protected class of '" +
                                Outer->getQualifiedNameAsString() +
                                "', which cachepy cannot name; write serialize for it",
                      Policy),
             nullptr;

  ClassInfo Info{ClassInfo::Derived, false, false, Name + "{", {}};
  const size_t FirstNeeded = W.Derived.size();
  InProgress.insert(&Record);
  const bool AtResultRoot = W.AtResultRoot;
  W.AtResultRoot = false;
  bool Ok = true;
  bool NeedsConstruct = false;
  for (const CXXBaseSpecifier &Base : Record.bases()) {
    if (Base.isVirtual() || Base.getAccessSpecifier() != AS_public) {
      Ok = W.refuse(Base.getType(), "cachepy derives through public, non-virtual bases only; "
                                    "write serialize for '" + Name + "'",
                    Policy);
      break;
    }
    Info.Shape += "base ";
    if (!(Ok = walk(Base.getType(), W, Info.Shape)))
      break;
    Info.Shape += ";";
  }
  for (const FieldDecl *Field : Record.fields()) {
    if (!Ok)
      break;
    if ((Field->isBitField() && !Field->getDeclName()) || isSkipped(*Field))
      continue;
    W.Path.emplace_back(Field, W.Path.empty() ? Name + "::" + Field->getNameAsString()
                                              : "." + Field->getNameAsString());
    QualType FieldType = Field->getType();
    if (Field->isAnonymousStructOrUnion())
      Ok = W.refuse(FieldType, "an anonymous struct or union member cannot be named", Policy);
    else if (Field->isBitField() && Field->getAccess() != AS_public)
      Ok = W.refuse(FieldType, "a private bit-field has no address cachepy can reach", Policy);
    else if (FieldType.isConstQualified() && W.Loads &&
             !(AtResultRoot && Record.isAggregate() && Record.bases().empty()))
      Ok = W.refuse(FieldType, "a const member can only be restored in an aggregate "
                               "returned directly",
                    Policy);
    else {
      NeedsConstruct |= FieldType.isConstQualified() && W.Loads;
      Info.Shape += Field->getNameAsString() + ":";
      Ok = walk(FieldType, W, Info.Shape);
      if (Field->isBitField())
        Info.Shape += ":" + std::to_string(bitWidth(*Field, Context));
      Info.Shape += ";";
    }
    if (!Ok)
      break;
    W.Path.pop_back();
  }
  InProgress.erase(&Record);
  if (!Ok)
    return nullptr;
  Info.Shape += "}";
  Info.Constructs = NeedsConstruct;
  QualType Self = recordType(Context, Record);
  Info.Bytes = !NeedsConstruct && Record.bases().empty() && Self.isTriviallyCopyableType(Context) &&
               byteCopyable(Self);
  W.Derived.push_back(&Record);
  Info.Needs.assign(W.Derived.begin() + FirstNeeded, W.Derived.end());
  return &Classes.try_emplace(&Record, std::move(Info)).first->second;
}

/// Every byte belongs to a member and any byte pattern is a valid value of it.
bool StoredTypes::byteCopyable(QualType Type) {
  Type = Type.getCanonicalType();
  if (Type.isConstQualified() || Type.isVolatileQualified())
    return false;
  if (const auto *Enum = Type->getAs<EnumType>())
    return Enum->getDecl()->isFixed() && byteCopyable(Enum->getDecl()->getIntegerType());
  if (const auto *Builtin = Type->getAs<BuiltinType>())
    return (Builtin->isInteger() || Builtin->isFloatingPoint()) &&
           Builtin->getKind() != BuiltinType::Bool &&
           Builtin->getKind() != BuiltinType::LongDouble;
  if (const auto *Array = Context.getAsConstantArrayType(Type))
    return byteCopyable(Array->getElementType());
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition() || Record->isUnion())
    return false;
  Record = Record->getDefinition();
  if (topNamespace(*Record) == "std") {
    const auto *Special = dyn_cast<ClassTemplateSpecializationDecl>(Record);
    return Special && Record->getName() == "array" &&
           Special->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
           byteCopyable(Special->getTemplateArgs()[0].getAsType()) &&
           Context.getTypeSizeInChars(Type) ==
               Context.getTypeSizeInChars(Special->getTemplateArgs()[0].getAsType()) *
                   Special->getTemplateArgs()[1].getAsIntegral().getZExtValue();
  }
  if (auto It = Classes.find(Record); It != Classes.end() && It->second.How != ClassInfo::Derived)
    return false; // its own serialize decides what is stored
  if (!Record->bases().empty() || Record->isPolymorphic())
    return false;
  CharUnits Members = CharUnits::Zero();
  for (const FieldDecl *Field : Record->fields()) {
    if (Field->isBitField() || isSkipped(*Field) || !byteCopyable(Field->getType()))
      return false;
    Members += Context.getTypeSizeInChars(Field->getType());
  }
  return !Record->field_empty() && Members == Context.getTypeSizeInChars(Type);
}

std::string StoredTypes::typeName(QualType Type) const {
  PrintingPolicy Policy = Context.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  return TypeName::getFullyQualifiedName(Type, Context, Policy, /*WithGlobalNsPrefix=*/true);
}

std::string StoredTypes::derivations(const std::vector<const CXXRecordDecl *> &Records) {
  std::string Out;
  for (const CXXRecordDecl *Record : Records)
    if (Written.insert(Record).second)
      Out += derivation(*Record);
  return Out;
}

/// One specialization of cachepy::detail::derived (runtime detail/derived.hpp), on one
/// line: the rewrite keeps every user line where it was.
std::string StoredTypes::derivation(const CXXRecordDecl &Record) {
  const ClassInfo &Info = Classes.find(&Record)->second;
  const std::string Name = typeName(recordType(Context, Record));
  std::string Tags;
  std::string Fields;
  std::string Loads;
  std::string Built;
  for (const CXXBaseSpecifier &Base : Record.bases()) {
    const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl()->getDefinition();
    const std::string BaseName = typeName(Base.getType());
    Fields += Classes.find(B)->second.How == ClassInfo::Derived
                  ? " " + runtime::derived.str() + "<" + BaseName + ">::fields(ar, v);"
                  : " ar(::cereal::base_class<" + BaseName + ">(&v));";
  }
  unsigned Index = 0;
  for (const FieldDecl *Field : Record.fields()) {
    if ((Field->isBitField() && !Field->getDeclName()))
      continue;
    const std::string Member = Field->getNameAsString();
    const std::string Quoted = "\"" + Member + "\"";
    if (isSkipped(*Field)) {
      Built += std::string(Built.empty() ? "" : ", ") + "{}";
      continue;
    }
    std::string Access = "v." + Member;
    if (Field->getAccess() != AS_public) {
      const std::string Tag = "m_" + hex(llvm::xxHash64(Name + "::" + Member));
      Tags += "namespace cachepy_derived { struct " + Tag + " : " + runtime::member_tag.str() +
              "<" + Tag + "> {}; } template struct " + runtime::member_pointer.str() +
              "<::cachepy_derived::" + Tag + ", &" + Name + "::" + Member + ">; ";
      Access = "(v.*member_of(::cachepy_derived::" + Tag + "{}))";
    }
    if (Field->isBitField())
      Fields += " " + runtime::bit_field.str() + "(ar, " + Quoted + ", " + Access +
                ", [&](auto cachepy_value) { " + Access + " = cachepy_value; });";
    else
      Fields += " " + runtime::field.str() + "(ar, " + Quoted + ", " + Access + ");";
    if (Info.Constructs) {
      const std::string Local = "m" + std::to_string(Index++);
      Loads += " auto " + Local + " = " + runtime::load_member.str() + "<" +
               typeName(Field->getType().getUnqualifiedType()) + ">(ar, " + Quoted + ");";
      Built += std::string(Built.empty() ? "" : ", ") + "std::move(" + Local + ")";
    }
  }
  // Specialized by its name from the global namespace, which has no leading "::".
  std::string Out = Tags + "template <> struct " + runtime::derived.drop_front(2).str() + "<" +
                    Name +
                    "> { static constexpr bool available = true; static constexpr bool bytes = " +
                    (Info.Bytes ? "true" : "false") +
                    "; static constexpr bool constructs = " + (Info.Constructs ? "true" : "false") +
                    "; template <class CachepyArchive> static void fields(CachepyArchive &ar, " +
                    Name + " &v) {" + Fields + " }";
  if (Info.Constructs)
    Out += " static " + Name + " construct(" + runtime::value_reader.str() + " &ar) {" + Loads +
           " return " + Name + "{" + Built + "}; }";
  return Out + " }; ";
}

} // namespace cachepy
