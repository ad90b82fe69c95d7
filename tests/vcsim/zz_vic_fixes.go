// Added by build-vcsim.sh on top of govmomi 0.24.2 (Debian golang-github-vmware-govmomi-dev):
//  1. ExtensionManager: RegisterExtension, FindExtension, UpdateExtension,
//     UnregisterExtension, SetExtensionCertificate; extensionList is a live property.
//  2. PropertyCollector: RetrievePropertiesEx honours options.maxObjects and returns a
//     token; ContinueRetrievePropertiesEx and CancelRetrievePropertiesEx page through it.
//  3. VirtualMachine extraConfig: setting an existing key replaces its value, an empty
//     value removes the key, and ReconfigVM_Task reports config.extraConfig to
//     WaitForUpdates(Ex) filters.
//  4. Distributed switches: the "<switch>-DVUplinks-<n>" port group that CreateDVS_Task
//     adds is marked as vCenter marks it (config.uplink on the port group, and the
//     switch's config.uplinkPortgroup), so that clients can tell it from port groups
//     that VMs may use. main.go calls VicMarkUplinkPortgroups once the inventory exists.
//  5. LicenseAssignmentManager.QueryAssignedLicenses without an entityId lists every
//     host's assignment and the vCenter's, as vCenter does (0.24.2 answers one
//     assignment with an empty entityId), so that clients can read all in one call.
package simulator

import (
	"reflect"
	"strconv"
	"sync"
	"time"

	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

func init() {
	// NewServiceInstance instantiates ServiceContent objects through this table.
	kinds["ExtensionManager"] = reflect.TypeOf((*ExtensionManager)(nil)).Elem()
}

// ---- 1. ExtensionManager

type ExtensionManager struct {
	mo.ExtensionManager
}

func (m *ExtensionManager) index(key string) int {
	for i := range m.ExtensionList {
		if m.ExtensionList[i].Key == key {
			return i
		}
	}
	return -1
}

func (m *ExtensionManager) publish(list []types.Extension) {
	Map.Update(m, []types.PropertyChange{{Name: "extensionList", Val: list}})
}

func (m *ExtensionManager) FindExtension(req *types.FindExtension) soap.HasFault {
	res := new(types.FindExtensionResponse)
	if i := m.index(req.ExtensionKey); i >= 0 {
		x := m.ExtensionList[i]
		res.Returnval = &x
	}
	return &methods.FindExtensionBody{Res: res}
}

func (m *ExtensionManager) RegisterExtension(req *types.RegisterExtension) soap.HasFault {
	body := new(methods.RegisterExtensionBody)
	if req.Extension.Key == "" || m.index(req.Extension.Key) >= 0 {
		body.Fault_ = Fault("", &types.InvalidArgument{InvalidProperty: "extension.key"})
		return body
	}
	x := req.Extension
	if x.LastHeartbeatTime.IsZero() {
		x.LastHeartbeatTime = time.Now()
	}
	list := append(append([]types.Extension(nil), m.ExtensionList...), x)
	m.publish(list)
	body.Res = new(types.RegisterExtensionResponse)
	return body
}

func (m *ExtensionManager) UpdateExtension(req *types.UpdateExtension) soap.HasFault {
	body := new(methods.UpdateExtensionBody)
	i := m.index(req.Extension.Key)
	if i < 0 {
		body.Fault_ = Fault("", &types.NotFound{})
		return body
	}
	list := append([]types.Extension(nil), m.ExtensionList...)
	list[i] = req.Extension
	m.publish(list)
	body.Res = new(types.UpdateExtensionResponse)
	return body
}

func (m *ExtensionManager) UnregisterExtension(req *types.UnregisterExtension) soap.HasFault {
	body := new(methods.UnregisterExtensionBody)
	i := m.index(req.ExtensionKey)
	if i < 0 {
		body.Fault_ = Fault("", &types.NotFound{})
		return body
	}
	list := append(append([]types.Extension(nil), m.ExtensionList[:i]...), m.ExtensionList[i+1:]...)
	m.publish(list)
	body.Res = new(types.UnregisterExtensionResponse)
	return body
}

func (m *ExtensionManager) SetExtensionCertificate(req *types.SetExtensionCertificate) soap.HasFault {
	body := new(methods.SetExtensionCertificateBody)
	if m.index(req.ExtensionKey) < 0 {
		body.Fault_ = Fault("", &types.NotFound{})
		return body
	}
	body.Res = new(types.SetExtensionCertificateResponse) // certificate is not kept
	return body
}

// ---- 2. RetrievePropertiesEx paging

type vicPage struct {
	pc      *PropertyCollector
	objects []types.ObjectContent
	size    int
	created time.Time
}

var vicPages = struct {
	sync.Mutex
	next  int
	pages map[string]*vicPage
}{pages: map[string]*vicPage{}}

func vicSavePage(pc *PropertyCollector, objects []types.ObjectContent, size int) string {
	vicPages.Lock()
	defer vicPages.Unlock()
	for tok, p := range vicPages.pages { // forget abandoned results
		if time.Since(p.created) > 30*time.Minute {
			delete(vicPages.pages, tok)
		}
	}
	vicPages.next++
	tok := strconv.Itoa(vicPages.next)
	vicPages.pages[tok] = &vicPage{pc, objects, size, time.Now()}
	return tok
}

func vicTakePage(pc *PropertyCollector, tok string) *vicPage {
	vicPages.Lock()
	defer vicPages.Unlock()
	p := vicPages.pages[tok]
	if p == nil || p.pc != pc {
		return nil
	}
	delete(vicPages.pages, tok)
	return p
}

// vicPageResult cuts a RetrievePropertiesEx result down to maxObjects and keeps the rest.
func vicPageResult(pc *PropertyCollector, res *types.RetrieveResult, max int32) {
	if max <= 0 || len(res.Objects) <= int(max) {
		return
	}
	rest := append([]types.ObjectContent(nil), res.Objects[max:]...)
	res.Objects = res.Objects[:max]
	res.Token = vicSavePage(pc, rest, int(max))
}

func (pc *PropertyCollector) ContinueRetrievePropertiesEx(req *types.ContinueRetrievePropertiesEx) soap.HasFault {
	body := new(methods.ContinueRetrievePropertiesExBody)
	p := vicTakePage(pc, req.Token)
	if p == nil {
		body.Fault_ = Fault("", &types.InvalidArgument{InvalidProperty: "token"})
		return body
	}
	res := types.RetrieveResult{Objects: p.objects}
	if len(p.objects) > p.size {
		res.Objects = p.objects[:p.size]
		res.Token = vicSavePage(pc, p.objects[p.size:], p.size)
	}
	body.Res = &types.ContinueRetrievePropertiesExResponse{Returnval: res}
	return body
}

func (pc *PropertyCollector) CancelRetrievePropertiesEx(req *types.CancelRetrievePropertiesEx) soap.HasFault {
	vicTakePage(pc, req.Token)
	return &methods.CancelRetrievePropertiesExBody{Res: new(types.CancelRetrievePropertiesExResponse)}
}

// ---- 3. extraConfig with vCenter semantics

func vicSetExtraConfig(list []types.BaseOptionValue, c types.BaseOptionValue) []types.BaseOptionValue {
	val := c.GetOptionValue()
	empty := val.Value == nil
	if s, ok := val.Value.(string); ok && s == "" {
		empty = true
	}
	out := make([]types.BaseOptionValue, 0, len(list)+1)
	found := false
	for _, o := range list {
		if o.GetOptionValue().Key == val.Key {
			found = true
			if !empty {
				out = append(out, c)
			}
			continue
		}
		out = append(out, o)
	}
	if !found && !empty {
		out = append(out, c)
	}
	return out
}

func (vm *VirtualMachine) vicAnnounceExtraConfig(spec *types.VirtualMachineConfigSpec) {
	if len(spec.ExtraConfig) != 0 {
		Map.Update(vm, []types.PropertyChange{{Name: "config.extraConfig", Val: vm.Config.ExtraConfig}})
	}
}

// ---- 4. Uplink port groups

func VicMarkUplinkPortgroups() {
	for _, e := range Map.All("DistributedVirtualSwitch") {
		dvs, ok := e.(*DistributedVirtualSwitch)
		if !ok {
			continue
		}
		config, ok := dvs.Config.(*types.VMwareDVSConfigInfo)
		if !ok {
			continue
		}
		prefix := dvs.Name + "-DVUplinks"
		for _, ref := range dvs.Portgroup {
			pg, ok := Map.Get(ref).(*DistributedVirtualPortgroup)
			if !ok || len(pg.Name) < len(prefix) || pg.Name[:len(prefix)] != prefix {
				continue
			}
			pg.Config.Uplink = types.NewBool(true)
			config.UplinkPortgroup = append(config.UplinkPortgroup, ref)
		}
	}
}

// ---- 5. QueryAssignedLicenses for every entity

func vicAllLicenseAssignments(body *methods.QueryAssignedLicensesBody) soap.HasFault {
	all := []types.LicenseAssignmentManagerLicenseAssignment{
		{EntityId: Map.content().About.InstanceUuid, AssignedLicense: EvalLicense},
	}
	for _, host := range Map.All("HostSystem") {
		all = append(all, types.LicenseAssignmentManagerLicenseAssignment{
			EntityId:        host.Reference().Value,
			AssignedLicense: EvalLicense,
		})
	}
	body.Res.Returnval = all
	return body
}
