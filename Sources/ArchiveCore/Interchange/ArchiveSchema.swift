import LibXML

/// The XSD of format v1, compiled once. Its text is `archive/schema/archive-1.xsd`, carried
/// inside the program so that it validates wherever it is installed; a test keeps the two
/// identical.
package enum ArchiveSchema {
    /// The compiled schema.
    package static let compiled: Result<XMLSchema, XMLError> = Result {
        try XMLSchema(data: Array(text.utf8), name: "archive-1.xsd")
    }.mapError { $0 as? XMLError ?? .invalidSchema("\($0)") }

    /// The schema's text, byte for byte the file `archive/schema/archive-1.xsd`.
    static let text = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
          Sổ Chi Bộ archive format, version 1 (urn:sochibo:archive:1).
          The contract is ../../../shared/archive-format.md in the project's shared folder; this
          schema accepts every file that follows it. Rules the schema cannot express (references to
          records already in the archive, document symbols, duplicate issued numbers, attachment
          hashes) are checked by the importer.
        -->
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns:a="urn:sochibo:archive:1"
                   targetNamespace="urn:sochibo:archive:1"
                   elementFormDefault="qualified"
                   attributeFormDefault="unqualified">

          <!-- Simple types -->
          <xs:simpleType name="Identifier">
            <xs:restriction base="xs:token">
              <xs:pattern value="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="Time">
            <xs:restriction base="xs:string">
              <xs:pattern value="([01][0-9]|2[0-3]):[0-5][0-9]"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="Text">
            <xs:restriction base="xs:string">
              <xs:minLength value="1"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="IssuerCode">
            <xs:restriction base="xs:string">
              <xs:pattern value="[^\s/]{1,16}"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="LeaveReason">
            <xs:restriction base="xs:token">
              <xs:enumeration value="transferred"/>
              <xs:enumeration value="deceased"/>
              <xs:enumeration value="removed"/>
              <xs:enumeration value="other"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="RoleTitle">
            <xs:restriction base="xs:token">
              <xs:enumeration value="secretary"/>
              <xs:enumeration value="deputy-secretary"/>
              <xs:enumeration value="committee-member"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="MeetingKind">
            <xs:restriction base="xs:token">
              <xs:enumeration value="regular"/>
              <xs:enumeration value="thematic"/>
              <xs:enumeration value="combined"/>
              <xs:enumeration value="extraordinary"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="TaskStatus">
            <xs:restriction base="xs:token">
              <xs:enumeration value="done"/>
              <xs:enumeration value="in-progress"/>
              <xs:enumeration value="not-started"/>
              <xs:enumeration value="cancelled"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="RatingLevel">
            <xs:restriction base="xs:token">
              <xs:enumeration value="good"/>
              <xs:enumeration value="fair"/>
              <xs:enumeration value="average"/>
              <xs:enumeration value="weak"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="Score">
            <xs:restriction base="xs:nonNegativeInteger">
              <xs:maxInclusive value="100"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="DocumentType">
            <xs:restriction base="xs:string">
              <xs:enumeration value="NQ"/>
              <xs:enumeration value="KL"/>
              <xs:enumeration value="QĐ"/>
              <xs:enumeration value="CT"/>
              <xs:enumeration value="HD"/>
              <xs:enumeration value="TB"/>
              <xs:enumeration value="BC"/>
              <xs:enumeration value="KH"/>
              <xs:enumeration value="CTr"/>
              <xs:enumeration value="TTr"/>
              <xs:enumeration value="ĐA"/>
              <xs:enumeration value="BB"/>
              <xs:enumeration value="CV"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="DocumentStatus">
            <xs:restriction base="xs:token">
              <xs:enumeration value="draft"/>
              <xs:enumeration value="issued"/>
              <xs:enumeration value="superseded"/>
              <xs:enumeration value="revoked"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="Classification">
            <xs:restriction base="xs:token">
              <xs:enumeration value="none"/>
              <xs:enumeration value="confidential"/>
              <xs:enumeration value="secret"/>
              <xs:enumeration value="top-secret"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:simpleType name="Sha256">
            <xs:restriction base="xs:string">
              <xs:pattern value="[0-9a-fA-F]{64}"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- Shared complex types -->
          <xs:complexType name="MemberReference">
            <xs:attribute name="member" type="a:Identifier" use="required"/>
          </xs:complexType>

          <xs:complexType name="Paragraphs">
            <xs:sequence>
              <xs:element name="p" type="xs:string" maxOccurs="unbounded"/>
            </xs:sequence>
          </xs:complexType>

          <xs:complexType name="Attachment">
            <xs:simpleContent>
              <xs:extension base="xs:base64Binary">
                <xs:attribute name="name" type="a:Text" use="required"/>
                <xs:attribute name="mediaType" type="a:Text" use="required"/>
                <xs:attribute name="sha256" type="a:Sha256" use="required"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>

          <xs:complexType name="DatedText">
            <xs:simpleContent>
              <xs:extension base="a:Text">
                <xs:attribute name="from" type="xs:date" use="required"/>
                <xs:attribute name="to" type="xs:date"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>

          <!-- The archive -->
          <xs:element name="archive">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="organization" type="a:Organization" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element name="cell" type="a:Cell" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element name="meeting" type="a:Meeting" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element name="document" type="a:Document" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element name="auditLog" type="a:AuditLog" minOccurs="0"/>
              </xs:sequence>
              <xs:attribute name="formatVersion" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="1"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
            </xs:complexType>
            <!-- Identifiers are unique per kind; the importer checks it against the whole archive, on
                 disk, so that a large file needs no table of every id in memory. -->
          </xs:element>

          <!-- What a committee's office wrote into its report on a period (an optional addition). -->
          <xs:complexType name="CommitteeReport">
            <xs:sequence>
              <xs:element name="place" type="a:Text"/>
              <xs:element name="strengths" type="a:Paragraphs" minOccurs="0"/>
              <xs:element name="shortcomings" type="a:Paragraphs" minOccurs="0"/>
              <xs:element name="directions" type="a:Paragraphs" minOccurs="0"/>
              <xs:element name="signerName" type="a:Text" minOccurs="0"/>
              <xs:element name="recipient" type="a:Text" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="period" use="required">
              <xs:simpleType>
                <xs:restriction base="xs:string">
                  <xs:pattern value="[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:attribute>
            <xs:attribute name="number" type="a:Text"/>
            <xs:attribute name="date" type="xs:date"/>
            <xs:attribute name="signerTitle" use="required">
              <xs:simpleType>
                <xs:restriction base="xs:string">
                  <xs:enumeration value="secretary"/>
                  <xs:enumeration value="deputy-secretary"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:attribute>
            <xs:attribute name="savedBy" type="a:Text" use="required"/>
            <xs:attribute name="savedAt" type="xs:string" use="required"/>
          </xs:complexType>

          <xs:complexType name="Organization">
            <xs:sequence>
              <xs:element name="name" type="a:Text"/>
              <xs:element name="report" type="a:CommitteeReport" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="id" type="a:Identifier" use="required"/>
            <xs:attribute name="parent" type="a:Identifier"/>
          </xs:complexType>

          <xs:complexType name="Cell">
            <xs:sequence>
              <xs:element name="name" type="a:Text"/>
              <xs:element name="term" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="id" type="a:Identifier" use="required"/>
                  <xs:attribute name="start" type="xs:date" use="required"/>
                  <xs:attribute name="end" type="xs:date"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="member" type="a:Member" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="id" type="a:Identifier" use="required"/>
            <xs:attribute name="organization" type="a:Identifier" use="required"/>
            <xs:attribute name="issuerCode" type="a:IssuerCode" default="CB"/>
          </xs:complexType>

          <xs:complexType name="Member">
            <xs:sequence>
              <xs:element name="fullName" type="a:Text"/>
              <xs:element name="birthYear" minOccurs="0">
                <xs:simpleType>
                  <xs:restriction base="xs:integer">
                    <xs:minInclusive value="1880"/>
                    <xs:maxInclusive value="2100"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:element>
              <xs:element name="admitted" type="xs:date"/>
              <xs:element name="confirmed" type="xs:date" minOccurs="0"/>
              <xs:element name="joinedCell" type="xs:date" minOccurs="0"/>
              <xs:element name="leftCell" minOccurs="0">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:date">
                      <xs:attribute name="reason" type="a:LeaveReason" use="required"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
              <xs:element name="temporary" minOccurs="0">
                <xs:complexType/>
              </xs:element>
              <xs:element name="exemption" type="a:DatedText" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="role" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="title" type="a:RoleTitle" use="required"/>
                  <xs:attribute name="from" type="xs:date" use="required"/>
                  <xs:attribute name="to" type="xs:date"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="concurrentPost" type="a:DatedText" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="id" type="a:Identifier" use="required"/>
          </xs:complexType>

          <xs:complexType name="Meeting">
            <xs:sequence>
              <xs:element name="place" type="a:Text"/>
              <xs:element name="topic" type="a:Text" minOccurs="0"/>
              <xs:element name="chair" type="a:MemberReference"/>
              <xs:element name="recorder" type="a:MemberReference"/>
              <xs:element name="guest" type="a:Text" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="attendance">
                <xs:complexType>
                  <xs:choice minOccurs="0" maxOccurs="unbounded">
                    <xs:element name="present" type="a:MemberReference"/>
                    <xs:element name="absent">
                      <xs:complexType>
                        <xs:simpleContent>
                          <xs:extension base="xs:string">
                            <xs:attribute name="member" type="a:Identifier" use="required"/>
                            <xs:attribute name="excused" type="xs:boolean" use="required"/>
                          </xs:extension>
                        </xs:simpleContent>
                      </xs:complexType>
                    </xs:element>
                  </xs:choice>
                </xs:complexType>
              </xs:element>
              <xs:element name="agenda">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="item" type="a:Text" maxOccurs="unbounded"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="proceedings" type="a:Paragraphs"/>
              <xs:element name="conclusion" type="a:Paragraphs" minOccurs="0"/>
              <xs:element name="vote" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="subject" type="a:Text" use="required"/>
                  <xs:attribute name="for" type="xs:nonNegativeInteger" use="required"/>
                  <xs:attribute name="against" type="xs:nonNegativeInteger" use="required"/>
                  <xs:attribute name="abstain" type="xs:nonNegativeInteger" use="required"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="taskReport" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string">
                      <xs:attribute name="task" type="a:Identifier" use="required"/>
                      <xs:attribute name="status" type="a:TaskStatus" use="required"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
              <!-- The cell's own rating (self-assessment). -->
              <xs:element name="rating" minOccurs="0">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string">
                      <xs:attribute name="level" type="a:RatingLevel" use="required"/>
                      <xs:attribute name="score" type="a:Score"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
              <!-- Optional addition: the committee's rating of the meeting, kept beside the cell's. -->
              <xs:element name="committeeRating" minOccurs="0">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="xs:string">
                      <xs:attribute name="level" type="a:RatingLevel" use="required"/>
                      <xs:attribute name="score" type="a:Score"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
              <xs:element name="attachment" type="a:Attachment" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="lifecycle" type="a:MeetingLifecycle" minOccurs="0"/>
            </xs:sequence>
            <xs:attribute name="id" type="a:Identifier" use="required"/>
            <xs:attribute name="cell" type="a:Identifier" use="required"/>
            <xs:attribute name="kind" type="a:MeetingKind" use="required"/>
            <xs:attribute name="date" type="xs:date" use="required"/>
            <xs:attribute name="start" type="a:Time" use="required"/>
            <xs:attribute name="end" type="a:Time" use="required"/>
          </xs:complexType>

          <xs:complexType name="Document">
            <xs:sequence>
              <xs:element name="place" type="a:Text"/>
              <xs:element name="title" type="a:Text"/>
              <xs:element name="body" type="a:Paragraphs"/>
              <xs:element name="task" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:simpleContent>
                    <xs:extension base="a:Text">
                      <xs:attribute name="id" type="a:Identifier" use="required"/>
                      <xs:attribute name="assignee" type="a:Identifier"/>
                      <xs:attribute name="due" type="xs:date"/>
                    </xs:extension>
                  </xs:simpleContent>
                </xs:complexType>
              </xs:element>
              <xs:element name="signature" minOccurs="0">
                <xs:complexType>
                  <xs:attribute name="member" type="a:Identifier" use="required"/>
                  <xs:attribute name="authority" type="a:Text"/>
                  <xs:attribute name="title" type="a:Text"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="recipient" type="a:Text" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="supersedes" minOccurs="0">
                <xs:complexType>
                  <xs:attribute name="document" type="a:Identifier" use="required"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="attachment" type="a:Attachment" minOccurs="0" maxOccurs="unbounded"/>
              <xs:element name="lifecycle" type="a:DocumentLifecycle" minOccurs="0"/>
            </xs:sequence>
            <xs:attribute name="id" type="a:Identifier" use="required"/>
            <xs:attribute name="cell" type="a:Identifier" use="required"/>
            <xs:attribute name="type" type="a:DocumentType" use="required"/>
            <xs:attribute name="number" type="xs:positiveInteger"/>
            <xs:attribute name="symbol" type="a:Text"/>
            <xs:attribute name="term" type="a:Identifier"/>
            <xs:attribute name="date" type="xs:date" use="required"/>
            <xs:attribute name="status" type="a:DocumentStatus" use="required"/>
            <xs:attribute name="classification" type="a:Classification" default="none"/>
            <xs:attribute name="meeting" type="a:Identifier"/>
          </xs:complexType>
          <!-- Optional, added after format v1's first release: the audit log of a whole-archive
               backup (written by `sochibo export` with its with-log option), restored when the file is imported into an empty
               archive. Each entry's `chain` is the SHA-256 over the previous entry's chain and this
               entry's fields, so a removed or altered entry is seen. -->
          <xs:complexType name="AuditLog">
            <xs:sequence>
              <xs:element name="entry" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:attribute name="seq" type="xs:positiveInteger" use="required"/>
                  <xs:attribute name="time" type="xs:dateTime" use="required"/>
                  <xs:attribute name="actor" type="a:Text" use="required"/>
                  <xs:attribute name="action" use="required">
                    <xs:simpleType>
                      <xs:restriction base="xs:token">
                        <xs:enumeration value="import"/>
                        <xs:enumeration value="file"/>
                        <xs:enumeration value="approve"/>
                        <xs:enumeration value="issue"/>
                        <xs:enumeration value="correct"/>
                        <xs:enumeration value="rate"/>
                        <xs:enumeration value="discard"/>
                        <xs:enumeration value="restore"/>
                        <xs:enumeration value="upgrade"/>
                        <xs:enumeration value="add-account"/>
                        <xs:enumeration value="change-password"/>
                        <xs:enumeration value="disable-account"/>
                        <xs:enumeration value="admit"/>
                        <xs:enumeration value="transfer-in"/>
                        <xs:enumeration value="attach"/>
                        <xs:enumeration value="confirm"/>
                        <xs:enumeration value="exempt"/>
                        <xs:enumeration value="end-exemption"/>
                        <xs:enumeration value="transfer-out"/>
                        <xs:enumeration value="death"/>
                        <xs:enumeration value="remove"/>
                        <xs:enumeration value="leave"/>
                        <xs:enumeration value="take-office"/>
                        <xs:enumeration value="leave-office"/>
                        <xs:enumeration value="add-post"/>
                        <xs:enumeration value="create"/>
                        <xs:enumeration value="add-term"/>
                        <xs:enumeration value="write-report"/>
                        <xs:enumeration value="enable-account"/>
                        <xs:enumeration value="change-account"/>
                      </xs:restriction>
                    </xs:simpleType>
                  </xs:attribute>
                  <xs:attribute name="kind" type="xs:token" use="required"/>
                  <xs:attribute name="record" type="a:Text" use="required"/>
                  <xs:attribute name="version" type="xs:positiveInteger"/>
                  <xs:attribute name="sha256" type="a:Sha256"/>
                  <xs:attribute name="chain" type="a:Sha256" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <!-- Optional, added after format v1's first release: how many entries the log held and
                 the chain hash of the last, as the export wrote it, so that a backup whose last entries
                 were cut is refused. Files without them import as before. -->
            <xs:attribute name="entries" type="xs:nonNegativeInteger"/>
            <xs:attribute name="head" type="a:Sha256"/>
          </xs:complexType>

          <!-- Optional, added after format v1's first release: where a record stands beyond its
               content. Files without it still import: a rated meeting is taken as approved, any other
               as a draft; a document's status is its attribute. `version` counts corrections from 1;
               `sha256` is the SHA-256 of the record's canonical content (its element as exported,
               without a document's status and symbol and without this element), carried by locked
               records; each earlier version is kept whole inside `previousVersion`. -->
          <xs:simpleType name="MeetingStatus">
            <xs:restriction base="xs:token">
              <xs:enumeration value="draft"/>
              <xs:enumeration value="approved"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:complexType name="MeetingLifecycle">
            <xs:sequence>
              <xs:element name="previousVersion" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="meeting" type="a:Meeting"/>
                  </xs:sequence>
                  <xs:attribute name="version" type="xs:positiveInteger" use="required"/>
                  <xs:attribute name="sha256" type="a:Sha256" use="required"/>
                  <xs:attribute name="replaced" type="xs:dateTime" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="status" type="a:MeetingStatus"/>
            <xs:attribute name="version" type="xs:positiveInteger" use="required"/>
            <xs:attribute name="sha256" type="a:Sha256"/>
          </xs:complexType>

          <xs:complexType name="DocumentLifecycle">
            <xs:sequence>
              <xs:element name="previousVersion" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="document" type="a:Document"/>
                  </xs:sequence>
                  <xs:attribute name="version" type="xs:positiveInteger" use="required"/>
                  <xs:attribute name="sha256" type="a:Sha256" use="required"/>
                  <xs:attribute name="replaced" type="xs:dateTime" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="version" type="xs:positiveInteger" use="required"/>
            <xs:attribute name="sha256" type="a:Sha256"/>
          </xs:complexType>

        </xs:schema>

        """#
}
