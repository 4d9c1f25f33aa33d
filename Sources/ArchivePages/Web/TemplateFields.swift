import ArchiveCore
import Mustache

/// A view whose fields the templates read by name through `child(named:)`, a switch over its
/// stored properties, instead of swift-mustache's default, a `Mirror` built and searched for
/// every name the template looks up (and again for every view on the stack when a name is
/// not found): on the busiest pages that was a quarter of the time a page took to serve.
///
/// The rule of the engine stays the same: a name a view lacks, or holds as nil, returns nil,
/// and the engine looks it up in the views around it. Each conformance must answer every
/// stored property, under its name, with its value; in debug builds `Pages.render` checks
/// that against `Mirror` for the whole view, nested views included
/// (`TemplateFields.mismatch(in:)`), so a property added without its case fails every test
/// that renders the page.
protocol TemplateView: MustacheParent {}

/// The debug check of `TemplateView` conformances.
package enum TemplateFields {
    /// The first field of `view` (or of a view inside it) that `child(named:)` answers
    /// differently from `Mirror`, as "Type.field"; nil when every field agrees. Views that are
    /// not `TemplateView`s are read by `Mirror` in the engine too, and only searched for
    /// nested `TemplateView`s.
    package static func mismatch(in view: Any) -> String? {
        if let sequence = view as? [Any] {
            for element in sequence { if let found = mismatch(in: element) { return found } }
            return nil
        }
        let mirror = Mirror(reflecting: view)
        if mirror.displayStyle == .optional {
            return mirror.children.first.flatMap { mismatch(in: $0.value) }
        }
        if mirror.displayStyle == .collection {
            for child in mirror.children { if let found = mismatch(in: child.value) { return found } }
            return nil
        }
        guard mirror.displayStyle == .struct else { return nil }
        let parent = view as? any TemplateView
        for child in mirror.children {
            guard let label = child.label else { continue }
            let reflected = unwrapped(child.value)
            if let parent {
                let answered = parent.child(named: label)
                let same =
                    switch (reflected, answered) {
                    case (nil, nil): true
                    case (let left?, let right?): String(reflecting: left) == String(reflecting: right)
                    default: false
                    }
                if !same { return "\(type(of: view)).\(label)" }
            }
            if let reflected, let found = mismatch(in: reflected) { return found }
        }
        return nil
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}

extension WebAccountBar: TemplateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "accountName": accountName
        case "roleName": roleName
        case "csrfToken": csrfToken
        case "showsAccounts": showsAccounts
        case "showsBoard": showsBoard
        case "readsConfidential": readsConfidential
        default: nil
        }
    }
}

extension WebLink: TemplateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "text": text
        default: nil
        }
    }
}

extension CellYearPage: TemplateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "bar": bar
        case "cellName": cellName
        case "organizationName": organizationName
        case "year": year
        case "overview": overview
        case "months": months
        case "quarters": quarters
        case "documents": documents
        case "hasNoDocuments": hasNoDocuments
        case "previousYear": previousYear
        case "nextYear": nextYear
        case "otherYears": otherYears
        case "hasOtherYears": hasOtherYears
        case "searchHref": searchHref
        case "membersHref": membersHref
        case "downloadHref": downloadHref
        case "fileHref": fileHref
        case "toDo": toDo
        case "hasToDo": hasToDo
        case "allDone": allDone
        default: nil
        }
    }
}

extension CellYearPage.Row: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "period": period
        case "state": state
        case "stateClass": stateClass
        case "meetings": meetings
        default: nil
        }
    }
}

extension CellYearPage.DocumentRow: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "documentTitle": documentTitle
        case "dated": dated
        case "marking": marking
        default: nil
        }
    }
}

extension CellYearPage.ToDoItem: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "sentence": sentence
        case "href": href
        case "urgency": urgency
        default: nil
        }
    }
}

extension RecordPage.Fact: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension RecordPage.Part: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "items": items
        case "numbered": numbered
        default: nil
        }
    }
}

extension RecordActions: TemplateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "csrfToken": csrfToken
        case "editHref": editHref
        case "approveAction": approveAction
        case "warnings": warnings
        case "hasWarnings": hasWarnings
        case "correctHref": correctHref
        case "resolutionHref": resolutionHref
        case "issueAction": issueAction
        case "discardAction": discardAction
        case "notice": notice
        case "problem": problem
        case "hasAny": hasAny
        default: nil
        }
    }
}

extension CommitteeRatingForm: TemplateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "csrfToken": csrfToken
        case "criteria": criteria
        case "note": note
        case "current": current
        case "problem": problem
        case "notice": notice
        case "thresholds": thresholds
        default: nil
        }
    }
}

extension CommitteeRatingForm.Criterion: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "maximum": maximum
        case "value": value
        default: nil
        }
    }
}

extension SearchPage: TemplateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "bar": bar
        case "queryText": queryText
        case "cellChoices": cellChoices
        case "typeChoices": typeChoices
        case "yearChoices": yearChoices
        case "asked": asked
        case "countText": countText
        case "results": results
        case "pageLinks": pageLinks
        case "hasPages": hasPages
        case "hiddenNote": hiddenNote
        case "correctionLine": correctionLine
        case "suggestionLink": suggestionLink
        default: nil
        }
    }
}

extension SearchPage.Segment: TemplateView {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "marked": marked
        default: nil
        }
    }
}

extension SearchPage.Choice: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension SearchPage.Result: TemplateView {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "resultTitle": resultTitle
        case "about": about
        case "segments": segments
        default: nil
        }
    }
}
