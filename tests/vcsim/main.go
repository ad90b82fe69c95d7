// vcsim: command-line front end for github.com/vmware/govmomi/simulator.
// Flag names follow upstream vcsim 0.24 so its documentation applies.
package main

import (
	"crypto/tls"
	"expvar"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/google/uuid"
	"github.com/vmware/govmomi/session"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/vim25/types"

	// optional endpoints: /rest (vAPI), /lookupservice, /pbm, /sts, /vsanHealth
	_ "github.com/vmware/govmomi/cns/simulator"
	_ "github.com/vmware/govmomi/lookup/simulator"
	_ "github.com/vmware/govmomi/pbm/simulator"
	_ "github.com/vmware/govmomi/sts/simulator"
	_ "github.com/vmware/govmomi/vapi/cluster/simulator"
	_ "github.com/vmware/govmomi/vapi/namespace/simulator"
	_ "github.com/vmware/govmomi/vapi/simulator"
)

var buildVersion = "dev" // set with -ldflags -X main.buildVersion=...

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func main() {
	m := simulator.VPX()

	flag.IntVar(&m.Datacenter, "dc", m.Datacenter, "Number of datacenters")
	flag.IntVar(&m.Cluster, "cluster", m.Cluster, "Number of clusters")
	flag.IntVar(&m.ClusterHost, "host", m.ClusterHost, "Number of hosts per cluster")
	flag.IntVar(&m.Host, "standalone-host", m.Host, "Number of standalone hosts")
	flag.IntVar(&m.Datastore, "ds", m.Datastore, "Number of local datastores")
	flag.IntVar(&m.Machine, "vm", m.Machine, "Number of virtual machines per resource pool")
	flag.IntVar(&m.Pool, "pool", m.Pool, "Number of resource pools per compute resource")
	flag.IntVar(&m.App, "app", m.App, "Number of virtual apps per compute resource")
	flag.IntVar(&m.Pod, "pod", m.Pod, "Number of storage pods per datacenter")
	flag.IntVar(&m.Portgroup, "pg", m.Portgroup, "Number of port groups")
	flag.IntVar(&m.PortgroupNSX, "pg-nsx", m.PortgroupNSX, "Number of NSX backed port groups")
	flag.IntVar(&m.OpaqueNetwork, "nsx", m.OpaqueNetwork, "Number of NSX backed opaque networks")
	flag.IntVar(&m.Folder, "folder", m.Folder, "Number of folders")
	flag.BoolVar(&m.Autostart, "autostart", m.Autostart, "Autostart model created VMs")
	apiVersion := &m.ServiceContent.About.ApiVersion
	flag.StringVar(apiVersion, "api-version", *apiVersion, "API version")

	isESX := flag.Bool("esx", false, "Simulate standalone ESX")
	isTLS := flag.Bool("tls", true, "Enable TLS")
	certFile := flag.String("tlscert", "", "Path to TLS certificate file")
	keyFile := flag.String("tlskey", "", "Path to TLS key file")
	envOut := flag.String("E", "-", "Output vcsim variables to the given fifo or stdout")
	listen := flag.String("l", "127.0.0.1:8989", "Listen address for vcsim")
	user := flag.String("username", "", "Login username for vcsim (any username allowed by default)")
	pass := flag.String("password", "", "Login password for vcsim (any password allowed by default)")
	tunnel := flag.Int("tunnel", -1, "SDK tunnel port")
	flag.BoolVar(&simulator.Trace, "trace", simulator.Trace, "Trace SOAP to -trace-file")
	traceFile := flag.String("trace-file", "", "Trace output file (defaults to stderr)")
	stdinExit := flag.Bool("stdinexit", false, "Press any key to exit")
	loadDir := flag.String("load", "", "Load model from directory")
	flag.IntVar(&m.DelayConfig.Delay, "delay", m.DelayConfig.Delay, "Method response delay across all methods (ms)")
	methodDelay := flag.String("method-delay", "", "Delay per method: 'method1:ms1,method2:ms2'")
	flag.Float64Var(&m.DelayConfig.DelayJitter, "delay-jitter", m.DelayConfig.DelayJitter, "Delay jitter coefficient of variation")
	flag.Parse()

	switch flag.Arg(0) {
	case "version":
		fmt.Println("vcsim (govmomi " + buildVersion + ", " + runtime.Version() + ")")
		return
	case "uuidgen":
		fmt.Println(uuid.New().String())
		return
	}

	if *traceFile != "" {
		f, err := os.Create(*traceFile)
		must(err)
		simulator.TraceFile = f
		simulator.Trace = true
	}

	if *methodDelay != "" {
		d := map[string]int{}
		for _, kv := range strings.Split(*methodDelay, ",") {
			parts := strings.Split(strings.TrimSpace(kv), ":")
			if len(parts) != 2 {
				log.Fatalf("bad -method-delay entry %q", kv)
			}
			ms, err := strconv.Atoi(parts[1])
			must(err)
			d[parts[0]] = ms
		}
		m.DelayConfig.MethodDelay = d
	}

	u := &url.URL{Host: *listen}
	if *user != "" {
		su, err := session.Secret(*user)
		must(err)
		sp, err := session.Secret(*pass)
		must(err)
		u.User = url.UserPassword(su, sp)
	}
	must(hostTemplate(u.Host))

	if *isESX {
		o := m
		m = simulator.ESX()
		m.Datastore, m.Machine, m.Autostart = o.Datastore, o.Machine, o.Autostart
		m.DelayConfig = o.DelayConfig
	}

	const tag = " (govmomi simulator)"
	m.ServiceContent.About.FullName += tag
	m.ServiceContent.About.OsType = runtime.GOOS + "-" + runtime.GOARCH
	esx.HostSystem.Summary.Hardware.Vendor += tag

	if *loadDir != "" {
		must(m.Load(*loadDir))
	} else {
		must(m.Create())
	}
	simulator.VicMarkUplinkPortgroups()

	m.Service.RegisterEndpoints = true
	m.Service.Listen = u
	if *isTLS {
		m.Service.TLS = new(tls.Config)
		if *certFile != "" {
			c, err := tls.LoadX509KeyPair(*certFile, *keyFile)
			must(err)
			m.Service.TLS.Certificates = []tls.Certificate{c}
		}
	}

	expvar.Publish("vcsim", expvar.Func(func() interface{} {
		count := m.Count()
		return struct {
			Registry *simulator.Registry `json:"registry"`
			Model    *simulator.Model    `json:"model"`
		}{simulator.Map, &count}
	}))
	m.Service.ServeMux = http.DefaultServeMux // serves /debug/vars

	s := m.Service.NewServer()
	if *tunnel >= 0 {
		s.Tunnel = *tunnel
		must(s.StartTunnel())
	}

	out := os.Stdout
	if *envOut != "-" {
		f, err := os.OpenFile(*envOut, os.O_WRONLY, 0)
		must(err)
		out = f
	}
	_, err := fmt.Fprintf(out, "export GOVC_URL=%s GOVC_SIM_PID=%d\n", s.URL, os.Getpid())
	must(err)
	if out != os.Stdout {
		must(out.Close())
	}

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	if *stdinExit {
		fmt.Println("Press any key to exit")
		go func() {
			_, _ = os.Stdin.Read(make([]byte, 1))
			sig <- syscall.SIGTERM
		}()
	}
	<-sig
	m.Remove() // deletes the temporary datastore directories
	s.Close()
}

// hostTemplate makes the simulated hosts advertise the listen address.
func hostTemplate(hostport string) error {
	addr, port, err := net.SplitHostPort(hostport)
	if err != nil {
		return err
	}
	esx.HostSystem.Summary.ManagementServerIp = addr
	if port != "0" {
		n, err := strconv.Atoi(port)
		if err != nil {
			return err
		}
		esx.HostSystem.Summary.Config.Port = int32(n)
	}
	nics := [][]types.HostVirtualNic{
		esx.HostConfigInfo.Network.Vnic,
		esx.HostConfigInfo.Vmotion.NetConfig.CandidateVnic,
	}
	for _, nc := range esx.HostConfigInfo.VirtualNicManagerInfo.NetConfig {
		nics = append(nics, nc.CandidateVnic)
	}
	for _, l := range nics {
		for i := range l {
			l[i].Spec.Ip.IpAddress = addr
		}
	}
	return nil
}
